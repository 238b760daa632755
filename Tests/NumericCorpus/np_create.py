# Array creation: array/asarray from nested lists and tuples (dtype inference, dtype=), arange,
# linspace, zeros/ones/full and their *_like forms, scalar types; numpy's errors for ragged input.
import numpy as np

print(repr(np.array([1, 2, 3])), repr(np.array([1.5, 2])), repr(np.array([True, False])), repr(np.array([[1, 2], [3, 4]])))
print(repr(np.array([1, 2], dtype=float)), repr(np.array([1.7, -2.2], dtype="int32")), repr(np.array((1, 2.5, True))))
print(repr(np.array(["a", "bcd"])), repr(np.array([])), repr(np.array(3.5)), repr(np.asarray([[0.5], [1.5]])))
print(repr(np.arange(5)), repr(np.arange(2, 10, 3)), repr(np.arange(0.0, 1.0, 0.25)), repr(np.arange(5, dtype=float)), repr(np.arange(10, 0, -3)))
print(repr(np.linspace(0, 1, 5)), repr(np.linspace(0, 10, 4, endpoint=False)), repr(np.linspace(-1, 1, 7)), np.linspace(0, 1, 3, retstep=True))
print(repr(np.linspace(2.5, 2.5, 3)), repr(np.linspace(0, 1, 1)), repr(np.linspace(0, 1, 0)))
print(repr(np.zeros(3)), repr(np.ones((2, 3))), repr(np.zeros((2, 2), dtype=int)), repr(np.full(3, 7)), repr(np.full((2, 2), 0.5)))
x = np.array([[1, 2, 3], [4, 5, 6]])
print(repr(np.zeros_like(x)), repr(np.ones_like(x, dtype=float)), repr(np.full_like(x, 9)))
print(repr(np.float64(2.5)), repr(np.int32(7)), repr(np.float32(0.1)), repr(np.bool_(1)), repr(np.int64(3) + 1), repr(np.float64(1) / 3))
print(np.pi, np.e, np.inf, -np.inf, np.nan, repr(np.array([np.nan, np.inf])))
print(repr(np.array(x)), np.array(x).shape, x.dtype, np.array([x, x]).shape)
for bad in (lambda: np.array([[1, 2], [3]]), lambda: np.zeros(-1), lambda: np.linspace(0, 1, -2)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
