vals = [1, 0]
print(sum(1 / v for v in vals))
