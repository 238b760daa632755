# numpy's functions on script-made arrays: reductions as functions (axis=), ufuncs, where, clip,
# maximum/minimum, concatenate/stack/vstack/hstack, sort/argsort/unique, mixing with Python numbers.
import numpy as np

a = np.array([3.0, -1.5, 2.25, 0.0, 7.5, -4.0])
m = np.arange(12).reshape(3, 4)
print(np.sum(a), np.mean(a), np.std(a), np.var(a), np.min(a), np.max(a), np.argmin(a), np.argmax(a))
print(repr(np.sum(m, axis=0)), repr(np.mean(m, axis=1)), repr(np.max(m, axis=-1)), repr(np.cumsum(a)), np.prod(np.array([2, 3, 4])))
print(repr(np.sqrt(np.array([4.0, 2.0]))), repr(np.abs(a)), repr(np.abs(np.array([-3, 4]))), repr(np.exp(np.array([0.0, 1.0]))))
print(repr(np.log(np.array([1.0, np.e]))), repr(np.log10(np.array([10.0, 1000.0]))), repr(np.floor(a)), repr(np.ceil(a)), repr(np.round(a)))
print(repr(np.isnan(np.array([1.0, np.nan]))), repr(np.isfinite(np.array([1.0, np.inf, np.nan]))), repr(np.sign(a)), np.sqrt(16.0))
print(repr(np.where(a > 0, a, 0.0)), repr(np.where(a > 0)), repr(np.where(m % 2 == 0)), repr(np.where(a > 1, 1, 0)))
print(repr(np.where(m > 5, m, np.array([0, -1, -2, -3]))), repr(np.where(np.array([[True], [False], [True]]), m, 0.5)))
print(repr(np.clip(a, -1, 3)), repr(np.clip(m, 2, 9)), repr(np.maximum(a, 0)), repr(np.minimum(m, 5)))
print(repr(np.concatenate([a, a[:2]])), repr(np.concatenate([m, m], axis=1)), repr(np.stack([a[:2], a[2:4]])))
print(repr(np.vstack([np.array([1, 2]), np.array([3, 4])])), repr(np.hstack([np.array([1, 2]), np.array([3.5])])))
print(repr(np.sort(a)), repr(np.argsort(a)), repr(np.unique(np.array([3, 1, 3, 2, 1]))), np.unique(np.array([2, 2, 5]), return_counts=True))
print(repr(np.unique(np.array(["b", "a", "b"]))), repr(np.sort(np.array([2.0, np.nan, 1.0]))))
print(repr(a * 2 + 1), repr((a > 0) & (a < 5)), repr(a[a > 0].mean()), repr(m.T), repr(m.reshape(2, 6)), repr(np.reshape(m, (4, 3))))
print(repr(np.transpose(m)), repr(np.ravel(m)), repr(np.round(np.array([1.234, 5.678]), 1)), repr(np.amax(m)))
