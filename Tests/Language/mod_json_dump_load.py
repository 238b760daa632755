# json.dump / json.load through file objects (io.StringIO, sys.stdout, any object with write/read),
# and loads' hooks.
import io
import json
import sys

data = {"name": "run", "ids": [1, 2, 3], "nested": {"ok": True, "none": None, "pi": 3.25}, "uni": "caf\u00e9"}
buf = io.StringIO()
print(json.dump(data, buf), repr(buf.getvalue()))
buf.seek(0)
print(json.load(buf) == data, buf.tell(), buf.read())
out = io.StringIO()
json.dump(data, out, indent=2, sort_keys=True, ensure_ascii=False)
print(out.getvalue())
json.dump([1, {"a": [True, False]}], sys.stdout, separators=(",", ":"))
print()
json.dump({"x": float("nan")}, sys.stdout)
print()

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
json.dump({"k": [1, 2]}, c, indent=None)
print("".join(c.parts))

class Source:
    def read(self):
        return '{"from": "read()", "n": [1.5, 2e3, -0]}'
print(json.load(Source()))
print(json.load(io.StringIO('[1, 2, {"a": null}]')))
print(json.loads('{"a": {"b": 1}, "c": [{"d": 2}]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list))
print(json.loads('[1.10, 2, 3.5e1]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: "const:" + s))
print(json.dumps({(1, 2): "skip", "k": 1}, skipkeys=True), json.dumps({1.5: "x", None: 1, True: 2}))

s = io.StringIO("first line\nsecond line\nthird")
print(s.readline(), s.readline(4), s.readlines(), s.read(), repr(s.read()))
s = io.StringIO("abc")
s.write("X")
s.seek(0, 2)
s.write("!")
print(s.getvalue(), s.tell(), list(io.StringIO("a\nb\n")), s.closed)
with io.StringIO() as w:
    print("via print", 42, file=w)
    w.writelines(["x", "y\n"])
    print(repr(w.getvalue()))
print(w.closed)

for call in [lambda: json.dump(data), lambda: json.dumps(data, indnt=2), lambda: json.dumps(float("inf"), allow_nan=False),
             lambda: json.load(io.StringIO("{bad")), lambda: json.loads("[1]", foo=1), lambda: json.dumps(1, 2),
             lambda: json.dump(1, 5), lambda: json.load("not a file"), lambda: w.getvalue(), lambda: w.readlines(), lambda: iter(w), lambda: io.StringIO(5),
             lambda: io.StringIO().write(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
