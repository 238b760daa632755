# Element-wise arithmetic between arrays of different shapes and dtypes: broadcasting, NEP 50 promotion
# (int8/int16/int32/uint8/uint16/uint64/float16/float32, Python numbers adapting to the array's type and
# OverflowError when a Python int does not fit it), astype to float16, str and object.
import numpy as np

a = np.arange(6).reshape(2, 3)
b = np.array([10, 20, 30], dtype=np.int32)
c = np.array([[1.5], [2.5]], dtype=np.float32)
u = np.array([250, 3, 7], dtype=np.uint8)
i8 = np.array([-100, 5, 100], dtype=np.int8)
for name, compute in [
        ('a + b', lambda: a + b),
        ('a * c', lambda: a * c),
        ('b + c', lambda: b + c),
        ('u + 10', lambda: u + 10),
        ('u + 300', lambda: u + 300),
        ('u - 1000', lambda: u - 1000),
        ('u + u', lambda: u + u),
        ('u - np.uint8(5)', lambda: u - np.uint8(5)),
        ('i8 * 2', lambda: i8 * 2),
        ('i8 + u', lambda: i8 + u),
        ('i8 - 200', lambda: i8 - 200),
        ('b / 4', lambda: b / 4),
        ('b // 4', lambda: b // 4),
        ('c ** 2', lambda: c ** 2),
        ('u * 1.5', lambda: u * 1.5),
        ('np.float32(2) * u', lambda: np.float32(2) * u),
        ('b + np.int64(1)', lambda: b + np.int64(1)),
        ('b + 2**40', lambda: b + 2**40),
        ('b > 2**40', lambda: b > 2**40),
        ('u == 300', lambda: u == 300),
        ('a - a.T[:2, :2][0]', lambda: a - a.T[:2, :2][0]),
        ('a > b', lambda: a > b),
        ('c < 2', lambda: c < 2),
        ('a % c', lambda: a % c),
        ('a * np.array([[1], [2]], dtype=np.uint16)', lambda: a * np.array([[1], [2]], dtype=np.uint16)),
        ('c + np.float64(0.5)', lambda: c + np.float64(0.5)),
        ('c * 0.1', lambda: c * 0.1),
        ('np.arange(3, dtype=np.int16) * np.arange(3, dtype=np.uint16)', lambda: np.arange(3, dtype=np.int16) * np.arange(3, dtype=np.uint16)),
        ('np.array([1, 2], dtype=np.uint64) + np.array([1, 2])', lambda: np.array([1, 2], dtype=np.uint64) + np.array([1, 2])),
        ('np.ones((2, 1, 3)) + np.arange(4).reshape(4, 1)', lambda: np.ones((2, 1, 3)) + np.arange(4).reshape(4, 1)),
        ('b.astype(np.float32)', lambda: b.astype(np.float32)),
        ("u.astype('int16')", lambda: u.astype('int16')),
        ('c.astype(np.int8)', lambda: c.astype(np.int8)),
        ("a.astype('uint16')", lambda: a.astype('uint16')),
        ('a.astype(np.float16)', lambda: a.astype(np.float16)),
        ('(c / 3).astype(str)', lambda: (c / 3).astype(str)),
        ('a.astype(str)', lambda: a.astype(str)),
        ('u.astype(str)', lambda: u.astype(str)),
        ('(a > 2).astype(str)', lambda: (a > 2).astype(str)),
        ('a.astype(object)', lambda: a.astype(object)),
        ('c.astype(object)', lambda: c.astype(object)),
        ('u.astype(bool)', lambda: u.astype(bool)),
        ('i8.astype(np.uint8)', lambda: i8.astype(np.uint8)),
        ('np.array([1.7, -1.7]).astype(np.int32)', lambda: np.array([1.7, -1.7]).astype(np.int32)),
        ('b.astype(np.int64) + u', lambda: b.astype(np.int64) + u),
        ('np.array([1e20, 0.1 + 0.2]).astype(str)', lambda: np.array([1e20, 0.1 + 0.2]).astype(str)),
        ('np.sqrt(u)', lambda: np.sqrt(u)),
        ('np.abs(i8)', lambda: np.abs(i8)),
        ('np.sqrt(c * 3)', lambda: np.sqrt(c * 3)),
        ('np.sqrt(np.array([2, 3], dtype=np.int16))', lambda: np.sqrt(np.array([2, 3], dtype=np.int16))),
        ('np.sqrt(np.array([True, False]))', lambda: np.sqrt(np.array([True, False]))),
        ('np.sqrt(np.array([2, 3], dtype=np.int32))', lambda: np.sqrt(np.array([2, 3], dtype=np.int32))),
        ('np.maximum(u, b)', lambda: np.maximum(u, b)),
        ('np.where(a > 2, a, c)', lambda: np.where(a > 2, a, c))]:
    try:
        print(name, repr(compute()))
    except Exception as e:
        print(name, type(e).__name__, e)
