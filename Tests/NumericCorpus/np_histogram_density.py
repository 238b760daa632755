# np.histogram(density=True): counts / bin width / total, for computed and given edges, float32 data.
import numpy as np

x = np.array([0.1, 0.4, 0.35, 0.8, 0.95, 0.2, 0.5, 0.51, 0.77, 0.33])
print(np.histogram(x, bins=4, density=True))
print(np.histogram(x, bins=[0.0, 0.25, 0.5, 1.0], density=True))
print(np.histogram(x, bins=3, range=(0, 2), density=True))
print(np.histogram(x.astype(np.float32), bins=5, density=True))
print(np.histogram([1, 2, 2, 3, 3, 3], bins=[1, 2, 4], density=True))
print(np.histogram([1, 2, 2, 3, 3, 3], bins=3, density=False))
d, e = np.histogram(x, bins=7, density=True)
print(repr((d * np.diff(e)).sum()))

# np.diff: n=, axis=, ints (wrapping types kept), bools by !=, float32.
m = np.arange(12.0).reshape(3, 4) ** 2
print(repr(np.diff(x)), repr(np.diff(m)), repr(np.diff(m, axis=0)), repr(np.diff(m, n=2)), repr(np.diff(m, n=0)))
print(repr(np.diff(np.array([1, 5, 2], dtype=np.int16))), repr(np.diff([True, False, False, True])), repr(np.diff([3, 1, 4, 1, 5], n=3)))
print(repr(np.diff(x.astype(np.float32))), repr(np.diff(np.array([5])), ), repr(np.diff(m, axis=-2)))
for bad in [lambda: np.diff(np.float64(1.0)), lambda: np.diff(m, axis=2), lambda: np.diff(x, n=-1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
