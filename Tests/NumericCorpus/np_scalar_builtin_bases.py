# numpy's float64 derives from float and str_ from str (int64 and bool_ do not): isinstance answers
# as in CPython, str_ has str's methods and operators (giving plain str), float64 gains float's
# methods after numpy's own, and json encodes both as the plain value.
import json
import numpy as np
words = np.array(["cat", "Dog", "emu"])
x, i, b, s = np.array([1.5, 2.0])[0], np.array([2])[0], np.array([True])[0], words[0]
print(isinstance(x, float), isinstance(i, int), isinstance(b, bool), isinstance(s, str), isinstance(x, (int, float)), isinstance(s, bytes))
print(isinstance(np.float32(1.5), float), isinstance(np.array([2.0])[0], (str, float)))
print(s.upper(), words[1].lower(), s + "s", "a " + s, s * 2, len(s), s[1:], "a" in s, s.startswith("c"), s.split("a"))
print(s < "dog", "dog" > s, s == "cat", s != "cat", s == words[0], words[1] < words[2], sorted(words, key=str.lower))
print(f"{s:>5}|{s!r}|{x:.3f}", [c for c in s], s.replace("c", "b"), type(s.upper()).__name__, type(s + "x").__name__)
print(x.is_integer(), np.array([2.0])[0].is_integer(), x.hex(), x.as_integer_ratio(), x.round(0), x.real)
print(json.dumps({"score": x, "name": s, "values": [np.array([0.25])[0]]}))
for v in [i, b]:
    try:
        json.dumps(v)
    except TypeError as e:
        print("TypeError", e)
for o in [np.array([1]), x, s, np.array([1.5]).sum()]:
    try:
        o.no_such_attribute
    except AttributeError as e:
        print("AttributeError", e)
print([n for n in dir(s) if n.startswith(("up", "isal"))])
