# median, percentile and quantile (numpy's 'linear' method: its _lerp to the last digit), the nan*
# reductions, any/all with axis, on realistic values: a deterministic pseudo-random sample of 1,003
# floats with NaN, float32 copies, integers, and 2-D arrays reduced along each axis.
import numpy as np

state = 12345
def draw():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648.0

values = [round((draw() - 0.3) * 1000.0 / (1.0 + 9.0 * draw()), 6) for _ in range(1003)]
x = np.array(values)
xn = np.array([v if i % 17 else np.nan for i, v in enumerate(values)])
f = x.astype(np.float32)
fn = xn.astype(np.float32)
ints = np.array([int(v) for v in values])
m = x[:1000].reshape(40, 25)
mn = xn[:1000].reshape(25, 40)
mi = ints[:999].reshape(27, 37)

print(repr(np.median(x)), repr(np.median(x[:1000])), repr(np.median(f)), repr(np.median(f[:10])), repr(np.median(ints)), repr(np.median(ints[:6])))
print(repr(np.median(xn)), repr(np.median(m, axis=0)[:5]), repr(np.median(m, axis=1)[:5]), repr(np.median(mi, axis=-1)[:4]))
print(repr(np.median(m, axis=0, keepdims=True).shape), repr(np.median(m, keepdims=True)))
for q in [0, 1, 5, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.9, 100]:
    print(q, repr(np.percentile(x, q)), repr(np.percentile(f, q)), repr(np.percentile(ints, q)), repr(np.quantile(x, q / 100)))
print(repr(np.percentile(x, [10, 50, 90])), repr(np.percentile(f, [25, 75])), repr(np.quantile(ints, [0.1, 0.9])))
print(repr(np.percentile(m, 75, axis=0)[:4]), repr(np.percentile(m, [25, 75], axis=1)[:, :3]), repr(np.quantile(mi, 0.5, axis=0)[:5]))
print(repr(np.quantile(ints, 1)), repr(np.quantile(ints, 0)), repr(np.quantile(ints, [0, 1])), repr(np.quantile(x, 1)), repr(np.percentile(xn, 50)))
print(repr(np.percentile(m, 50, axis=1, keepdims=True)[:2]), repr(np.quantile(np.array([True, False, True]), 1)))
print(repr(np.nansum(xn)), repr(np.nansum(fn)), repr(np.nanmean(xn)), repr(np.nanmean(fn)), repr(np.nanstd(xn)), repr(np.nanvar(xn)))
print(repr(np.nanstd(fn)), repr(np.nanvar(fn, ddof=1)), repr(np.nanstd(xn, ddof=1)), repr(np.nanmin(xn)), repr(np.nanmax(xn)), repr(np.nanmin(fn)))
print(repr(np.nanmedian(xn)), repr(np.nanmedian(fn)), repr(np.nanargmin(xn)), repr(np.nanargmax(xn)), repr(np.nanargmax(ints)))
print(repr(np.nansum(mn, axis=0)[:4]), repr(np.nansum(mn, axis=1)[:4]), repr(np.nanmean(mn, axis=0)[:4]), repr(np.nanmean(mn, axis=1)[:4]))
print(repr(np.nanstd(mn, axis=0)[:4]), repr(np.nanvar(mn, axis=1)[:4]), repr(np.nanmin(mn, axis=1)[:4]), repr(np.nanmax(mn, axis=0)[:4]))
print(repr(np.nanmedian(mn, axis=0)[:4]), repr(np.nanmedian(mn, axis=1)[:4]), repr(np.nanargmin(mn, axis=1)[:6]), repr(np.nanargmax(mn, axis=0)[:6]))
print(repr(np.nansum(ints)), repr(np.nanmean(ints)), repr(np.nanstd(ints)), repr(np.nanmin(mi, axis=0)[:4]), repr(np.nansum(mn, keepdims=True)))
print(repr(np.nanmean(mn, axis=1, keepdims=True)[:2]), repr(np.nanmean(mi, axis=1, keepdims=True)[:2]))
b = m > 0
print(repr(np.any(b, axis=0)[:5]), repr(np.all(b, axis=1)[:5]), repr(np.any(m > 400, axis=1)[:8]), repr(np.all(m > -1000, axis=0)[:3]), np.any(b), np.all(b))
print(repr(b.any(axis=0)[:3]), repr(b.all(axis=-1)[:3]))
for bad in [lambda: np.percentile(x, 101), lambda: np.quantile(x, -0.5), lambda: np.median(m, axis=2), lambda: np.nanargmin(np.array([np.nan, np.nan])),
            lambda: np.quantile(np.array([True, False]), 0.5), lambda: np.quantile(np.array([]), 0.5), lambda: np.nanmax(np.array([]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
