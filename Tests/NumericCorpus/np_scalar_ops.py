# Operators on numpy scalars from a loop (their fast path) against CPython with numpy: both operand
# orders, Python numbers and other numpy scalars, comparisons both ways, and the cases the fast path
# must leave to the full dispatch (user classes on the left, exceptions holding a scalar, overflow).
import numpy as np

a = np.arange(5, dtype=np.float64) * 0.5
i = np.arange(5, dtype=np.int64) - 2
b = np.array([True, False, True])

print([x * 2 for x in a], [2 * x for x in a], [x + 1.5 for x in a], [1.5 - x for x in a])
print([x / 2 for x in a], [3 / x for x in a if x != 0], [x - True for x in a])
print([x * 3 for x in i], [3 - x for x in i], [x / 4 for x in i], [x + 0.5 for x in i], [7 // 2 * x for x in i])
print([x > 0.5 for x in a], [0.5 < x for x in a], [x == 1 for x in a], [1 != x for x in a], [x <= 1 for x in i], [0 >= x for x in i])
print([type(x * 2).__name__ for x in a[:1]], [type(2 - x).__name__ for x in i[:1]], [type(x > 0).__name__ for x in i[:1]])
print([x * y for x, y in zip(a, i)], [y - x for x, y in zip(a, i)], [x < y for x, y in zip(a, i)])
print([x + y for x, y in zip(b, b)], [x * 2 for x in b], [x + 1.0 for x in b])
f32 = np.array([0.1, 0.2], dtype=np.float32)
print([x + 0.1 for x in f32], [x * 2 for x in f32], [x > 0.1 for x in f32])
big = np.array([2**62], dtype=np.int64)
print([x + 1 for x in big], [x * -1 for x in big])
# Python ints beyond int64: converted for floats and true division, compared exactly, else OverflowError.
for f in [lambda: big[0] + 2**70, lambda: 2**70 - big[0], lambda: big * 2**70, lambda: big[0] ** 2**70,
          lambda: big[0] // 2**70, lambda: b + 2**70]:
    try:
        print(repr(f()))
    except OverflowError as e:
        print("OverflowError", e)
print(repr(np.float64(1) + 2**70), repr(2**70 * np.arange(2.0)), repr(np.int64(1) / 2**70), repr(np.float32(1) + 2**70))
print(repr(np.arange(3) == 2**70), repr(np.arange(3) > -2**70), repr(np.int64(1) < 2**70), repr(2**70 > np.int64(1)), repr(-2**70 >= i))

class Left:
    def __mul__(self, other):
        return "Left.__mul__"
    def __lt__(self, other):
        return "Left.__lt__"
    def __radd__(self, other):
        return "Left.__radd__"

print([Left() * x for x in a[:2]], [Left() < x for x in a[:2]], [x + Left() for x in a[:2]])
try:
    ValueError(np.float64(1.0)) + 1
except TypeError as e:
    print("TypeError", e)
try:
    [x + "s" for x in a[:1]]
except TypeError as e:
    print("TypeError", isinstance(e, TypeError))
print(sum(x * x for x in a), max(x - 1 for x in i), sorted([x * -1 for x in a]))
