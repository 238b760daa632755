print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print({x: x ** 2 for x in range(4)})
print({c for c in "mississippi"} == set("misp"))
print(sorted({c for c in "mississippi"}))
print(list(x + 1 for x in [1, 2]), sum(x for x in range(101)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([y for row in matrix for y in row if y % 2])
gen = (i * 2 for i in range(3))
print(next(gen), next(gen), list(gen), list(gen))
words = ["apple", "bob", "kayak"]
print({w: w == w[::-1] for w in words})
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 3]))
x = 10
print([x for x in range(3)], x)
