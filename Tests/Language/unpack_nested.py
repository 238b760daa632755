(a, b), c = (1, 2), 3
print(a, b, c)
[x, [y, z]] = [1, [2, 3]]
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
((p, *q), r) = ("xyz", 5)
print(p, q, r)
a, b = b, a
print(a, b)
data = [("n1", (1, 2)), ("n2", (3, 4))]
print([name + str(u + w) for name, (u, w) in data])
try:
    (m, n), o = [1, 2], 3, 4
except ValueError as e:
    print("ValueError:", e)
