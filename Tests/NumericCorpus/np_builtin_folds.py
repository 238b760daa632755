# Python's sum(), min() and max() over numpy arrays: the same left-to-right folds as iterating (NaN first, -0.0, float rounding), key/default/start, bool and empty arrays.
import numpy as np
a = np.array([1.5, float("nan"), -0.0, 0.0, 3.25, 2.0])
b = np.array([float("nan"), 1.0, 2.0])
i = np.array([3, -7, 12, 12, 0])
for x in (a, b, i, a[::2], np.array([0.1] * 10)):
    print(repr(sum(x)), repr(min(x)), repr(max(x)), repr(sum(x, 1)))
f = np.array([3.0, 1.0, 2.0])
print(repr(max(f)), repr(min(f)), repr(sum(f)), repr(max(f, key=lambda v: -v)), repr(max(f, default=0)))
print(repr(sum(np.array([True, False, True]))), repr(max(np.array([[1, 2], [3, 4]]).ravel())))
print(repr(sum(np.array([], dtype=np.float64))))
try:
    max(np.array([], dtype=np.float64))
except ValueError as e:
    print("ValueError:", e)
