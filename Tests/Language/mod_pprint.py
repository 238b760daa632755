# pprint: CPython's layout of lists, tuples, dicts, sets, strings and nesting under each option.
import pprint
from collections import Counter, defaultdict

data = {"run_id": "1712345", "flow": "TrainingFlow", "steps": ["start", "load_data", "train_model", "evaluate", "end"],
        "params": {"alpha": 0.01, "epochs": 50, "layers": [64, 128, 256, 128, 64], "name": "baseline-experiment"},
        "metrics": [(0.91, 0.88), (0.93, 0.9), (0.95, 0.92)], "tags": ("prod", "nightly"), "empty": {}, "none": None,
        "nested": [[1, 2, [3, 4, [5, 6, [7, 8]]]], {"z": 1, "a": [{"deep": {"deeper": list(range(30))}}]}]}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, depth=1)
pprint.pprint(data["params"], compact=True, width=30)
pprint.pprint(list(range(60)), compact=True)
pprint.pprint(list(range(60)), width=50, compact=True, indent=3)
pprint.pprint(list(range(40)))
pprint.pprint([list(range(12)) for _ in range(3)], width=30, compact=True)
pprint.pprint((1,), width=2)
pprint.pprint(("only one item that is long enough",), width=20)
pprint.pprint({3, 1, 2})
pprint.pprint({i * 7 % 30 for i in range(30)}, width=40)
pprint.pprint(frozenset(range(25)), width=30)
pprint.pprint(set(), width=1)
pprint.pprint({"k": frozenset()})
text = "The quick brown fox jumps over the lazy dog. " * 4
pprint.pprint(text)
pprint.pprint([text, "short"], width=50)
pprint.pprint({"doc": "line one\nline two is a bit longer than the first\n" * 2}, width=40)
pprint.pprint(b"0123456789abcdef" * 6, width=40)
pprint.pprint([b"\x00\x01binary\xff" * 5], width=30)
pprint.pprint(Counter("abracadabra" * 3 + "xyz"), width=30)
dd = defaultdict(list)
for i in range(12):
    dd["key%d" % (i % 4)].append(i)
pprint.pprint(dd, width=40)
pprint.pprint({10 ** 12: 2 ** 40, "x": [10 ** 9]}, underscore_numbers=True, width=30)
pprint.pprint({1: "a", "b": 2, 2.5: None, (1, 2): [1]}, width=20)
print(pprint.pformat(data, width=50))
print(pprint.pformat(list(range(5))), pprint.pformat("x" * 100, width=20) == repr("x" * 100))
print(repr(pprint.pformat("words in a sentence that will wrap around", width=20)))
pprint.pp({"b": 1, "a": [1, 2, 3] * 10})
printer = pprint.PrettyPrinter(indent=2, width=35, depth=3)
printer.pprint(data["nested"])
print(printer.pformat({"x": list(range(10))}))
print(pprint.saferepr({"b": [1, 2], "a": (3,)}), pprint.isreadable([1, "a"]), pprint.isreadable(pprint), pprint.isrecursive([1]))
loop = [1, 2]
loop.append(loop)
print(pprint.isrecursive(loop), pprint.isreadable(loop))
class Box:
    def __repr__(self):
        return "Box(" + "x" * 30 + ")"
pprint.pprint([Box(), Box(), Box()])
import sys
pprint.pprint({"to": "stderr"}, stream=sys.stderr)
for call in [lambda: pprint.pformat(1, indent=-1), lambda: pprint.pformat(1, depth=0), lambda: pprint.pformat(1, width=0),
             lambda: pprint.pformat(), lambda: pprint.pformat(1, 2, 3, 4, 5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
