# np.sort along an axis (the last by default; it sorted the flattened array of a 2-D one: a wrong answer), axis=None flattens.
import numpy as np
b = np.array([[3, 1, 2], [9, 0, 5]])
print(np.sort(b))
print(np.sort(b, axis=0))
print(np.sort(b, axis=None))
print(np.sort(b, axis=-2))
c = np.arange(24)[::-1].reshape(2, 3, 4) % 7
print(np.sort(c, axis=1))
print(np.sort(c))
print(np.sort(np.array([[3.0, np.nan, 1.0], [np.nan, -1.0, 2.0]])))
print(np.sort(np.array([["b", "a"], ["d", "c"]])))
print(np.sort(b, kind="stable"))
for f in [lambda: np.sort(b, axis=2), lambda: np.sort(np.float64(3.0))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
