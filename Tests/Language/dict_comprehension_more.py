words = ["apple", "banana", "cherry", "avocado", "blueberry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
lengths = {w: len(w) for w in words if len(w) > 5}
print(lengths, max(lengths, key=lengths.get))
counts = {k: len(v) for k, v in sorted(by_letter.items())}
print(counts)
matrix = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(matrix)
print(dict((k, v) for k, v in [("x", 1), ("y", 2)]), {v: k for k, v in {"a": 1, "b": 2}.items()})
