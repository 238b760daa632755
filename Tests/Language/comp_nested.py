matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(3) if i != 1])
print([[row[i] for row in matrix] for i in range(3)])
print([(x, y) for x in range(3) for y in range(x)])
print([x * y for x in range(1, 4) if x % 2 for y in range(1, 4) if y != x])
flat = [v for row in matrix for v in row]
print(flat, sum(flat))
print([[c for c in w] for w in ["ab", "cd"]])
print({k: [v for v in vs if v > 1] for k, vs in {"a": [1, 2], "b": [3]}.items()})
