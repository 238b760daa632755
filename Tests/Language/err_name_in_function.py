def compute(values):
    total = 0
    for v in values:
        total += v * factor
    return total

print("before")
print(compute([1, 2]))
