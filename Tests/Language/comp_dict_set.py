words = ["apple", "bob", "cat", "apple", "dog", "bob"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print({i: i * i for i in range(6) if i % 2 == 0})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
print(sorted({x % 7 for x in range(100)}), {(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
