print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("ab", range(2))))
names, ages = zip(*[("a", 1), ("b", 2)])
print(names, ages)
for i, (x, y) in enumerate(zip("xy", "XY")):
    print(i, x, y)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
