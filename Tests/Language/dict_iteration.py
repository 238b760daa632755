d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
for v in d.values():
    print(v)
print(list(d), sorted(d, key=d.get), max(d, key=lambda k: d[k]))
try:
    for k in d:
        d["four"] = 4
except RuntimeError as e:
    print("RuntimeError:", e)
keys = d.keys()
d["five"] = 5
print(len(keys), "five" in keys, list(reversed(list(d.items())))[0])
inverted = {v: k for k, v in d.items()}
print(inverted)
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
print(dict(sorted({"b": 1, "a": 2}.items())), {k: v for k, v in zip("abc", range(3)) if v})
