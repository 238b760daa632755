# prod and cumsum with axis= (methods and functions), prod's keepdims=, and the nan* forms
# nanprod, nancumsum, nanpercentile and nanquantile, on float64, float32, int64 and bool arrays.
import numpy as np

a = (np.arange(20.0).reshape(4, 5) * 0.37 % 1.3) + 0.5 + np.arange(20.0).reshape(4, 5) / 7
f = a.astype(np.float32)
i = np.arange(1, 21, dtype=np.int64).reshape(4, 5)
b = np.array([[True, False, True], [True, True, True]])
for x in [a, f, i, b]:
    print(repr(x.prod()), repr(x.prod(axis=0)), repr(x.prod(axis=1)), repr(x.prod(0, keepdims=True)))
    print(repr(np.prod(x, axis=-1)), repr(x.cumsum()), repr(x.cumsum(axis=0)), repr(np.cumsum(x, axis=1)))
    print(repr(x.cumsum(1)), x.cumsum(axis=0).dtype, x.prod(axis=1).dtype)
print(repr(np.arange(1, 30, dtype=np.int64).prod()), repr((-np.arange(1.0, 6.0)).cumsum()))
print(repr(np.array([-0.0, 1.0]).cumsum()), repr(np.array([1e300, 1e-300, 3.0]).prod()))

n = np.array([[1.0, np.nan, 3.0, 4.0], [np.nan, 2.0, 2.0, np.nan], [5.0, 6.0, np.nan, 0.5]])
print(repr(np.nanprod(n)), repr(np.nanprod(n, axis=0)), repr(np.nanprod(n, axis=1, keepdims=True)))
print(repr(np.nancumsum(n)), repr(np.nancumsum(n, axis=0)), repr(np.nancumsum(n, axis=1)))
print(repr(np.nanprod(i, axis=0)), repr(np.nancumsum(i, axis=1)), repr(np.nanprod(n.astype(np.float32), axis=1)))
print(repr(np.nanpercentile(n, 50)), repr(np.nanpercentile(n, [10, 90], axis=1)), repr(np.nanquantile(n, 0.25, axis=0)))
print(repr(np.nanquantile(n, [0.0, 0.5, 1.0])), repr(np.nanpercentile(i, 30, axis=0)), repr(np.nanquantile(n, 0.5, axis=1, keepdims=True)))
print(repr(np.nanpercentile(n.astype(np.float32), 40, axis=0)))
for bad in [lambda: a.prod(axis=2), lambda: a.cumsum(axis=-3), lambda: np.nanquantile(n, 1.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
