d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.pop("b"), d, d.pop("zz", None))
d.update({"x": 10}, y=20)
print(d)
print(d.setdefault("a", 100), d.setdefault("new", 5), d)
del d["x"]
print(d, sorted(d), sorted(d.items()))
e = dict(a=1, b=2)
f = dict([("k", "v"), ("k2", "v2")])
print(e, f, dict(zip("ab", [1, 2])), dict.fromkeys(["x", "y"], 0))
print({1: "int", 1.0: "float", True: "bool"})
g = {}
for word in "the cat the dog the end".split():
    g[word] = g.get(word, 0) + 1
print(g)
print({**e, "c": 3}, {**e, **f}, e | {"z": 0})
h = e.copy()
h["a"] = 99
print(e, h, e == {"b": 2, "a": 1}, e != h)
print(d.popitem(), d)
for k, v in sorted(g.items(), key=lambda kv: (-kv[1], kv[0])):
    print(k, v)
print({(1, 2): "tuple key"}[(1, 2)], {None: 1}[None])
k = {"z": 1}
k.clear()
print(k, bool(k), bool({"a": 1}))
