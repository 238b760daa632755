# ndarray.dot, np.eye/identity, count_nonzero, array_equal, allclose/isclose (NaN, infinities, tolerances).
import numpy as np
a = np.array([[1.0, 2.0, np.nan], [4.0, 5.0, 6.0]])
b = np.arange(12).reshape(3, 4)
print(b.dot(np.ones(4)), np.arange(3).dot(np.arange(3)), b.T.dot(b[:, :2]))
print(np.eye(2), np.eye(3, 4, k=1), np.eye(2, dtype=int), np.identity(3), np.eye(3, k=-1))
print(repr(np.count_nonzero(b)), repr(np.count_nonzero(a)), repr(np.count_nonzero([True, False, True])))
print(np.array_equal(b, b), np.array_equal(a, a), np.array_equal(a, a, equal_nan=True), np.array_equal(b, b[:2]), np.array_equal([1, 2], [1.0, 2.0]))
print(np.allclose(a[1], [4, 5, 6]), np.allclose(a, a), np.allclose(a, a, equal_nan=True), np.allclose([1e10, 1e-7], [1.00001e10, 1e-8]))
print(np.isclose(a, a), np.isclose(1.0, 1.0 + 1e-9), np.isclose([1.0, np.inf, -np.inf], [1.1, np.inf, np.inf]), np.isclose(a[0], 2.0, atol=1.0))
print(type(np.allclose(1, 1)).__name__, type(np.array_equal(b, b)).__name__)
