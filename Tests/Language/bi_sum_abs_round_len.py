print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([], 10), sum([[1], [2]], []), sum(range(101)), sum([0.1] * 10))
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 80))
print(len("héllo"), len([1, [2, 3]]), len({}), len(range(0, 10, 3)), len(b"ab"), len({1, 1, 2}))
print(bool(0), bool(""), bool([0]), bool(0.0), bool("0"), bool(None), bool(range(0)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
