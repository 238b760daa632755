d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
d.update({"d": 4}, e=5); d.update([("f", 6)])
print(d, d.pop("f"), d.pop("zz", "none"), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()), len(d), "a" in d, 1 in d)
c = d.copy(); c["a"] = 0
print(d["a"], c["a"], dict.fromkeys("xy"), dict.fromkeys([1, 2], 0))
print(dict(a=1, b=2), dict([(1, 2)]), dict({"k": "v"}), {}.get(1, "x"))
for k, v in sorted(d.items(), reverse=True):
    print(k, v)
d.clear(); print(d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
