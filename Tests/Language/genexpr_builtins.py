nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x * x for x in nums), max(x % 5 for x in nums), min(-x for x in nums))
print(any(x > 8 for x in nums), all(x > 0 for x in nums), sorted((x for x in nums), reverse=True))
print(list(x for x in nums if x % 2), tuple(str(x) for x in nums[:3]), set(x % 3 for x in nums) == {0, 1, 2})
print(",".join(str(x) for x in range(5)), dict((x, x * 2) for x in range(3)))
g = (x * 10 for x in range(3))
print(next(g), list(g), list(g))
print(sum(1 for _ in "hello"), len([c for c in "hello" if c in "lo"]))
