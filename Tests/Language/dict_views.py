d = {"x": 1, "y": 2}
k, v, it = d.keys(), d.values(), d.items()
d["z"] = 3
print(k, v, it, len(k), "z" in k, 3 in v, ("x", 1) in it)
print(sorted(k & {"x", "q"}), sorted(k | {"w"}), sorted(k - {"x"}), list(reversed(d)))
print(list(d), [key for key in d if d[key] > 1], dict(sorted(d.items(), key=lambda p: -p[1])))
