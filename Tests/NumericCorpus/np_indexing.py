# N-d indexing: integer arrays and lists per axis (broadcast together), boolean masks alone and inside
# tuples, None/np.newaxis and ..., negative indices, numpy's placement of advanced dimensions, numpy's
# IndexErrors; reshape's errors; keepdims= on the reductions.
import numpy as np

X = np.arange(24).reshape(4, 6)
C = np.arange(24.0).reshape(2, 3, 4)
idx = np.array([3, 0, -1])
mask = np.array([True, False, True, True])
colmask = X[0] % 2 == 0
print(repr(X[[0, 2], 1]), repr(X[idx]), repr(X[idx, 2]), repr(X[[0, 2], [1, -1]]), repr(X[np.array([[0, 1], [2, 3]])]))
print(repr(X[mask, 0]), repr(X[:, colmask]), repr(X[mask]), repr(X[mask, 1:3]), repr(X[1:3, [0, 5]]), repr(X[[[0], [3]], [1, 2]]))
print(repr(X[None, 1]), repr(X[:, None, 0]), repr(X[..., 0]), repr(X[1, ...]), repr(X[np.newaxis].shape), repr(X[None, 1, ..., None].shape))
print(repr(C[..., 1]), repr(C[0, ..., 2]), repr(C[:, [0, 2], 1]), repr(C[[0, 1], :, [1, 3]]), repr(C[:, 1, [0, 3]]), repr(C[[1], [2], [3]]))
print(repr(C[C[:, :, 0] > 5]), repr(C[np.array([[True, False, True], [False, True, False]])]), repr(C[1, [True, False, True]]))
print(repr(X[[]]), repr(X[[True, False, True, True], [1, 2, 3]]), repr(X[np.int64(2), [0, 1]]), repr(X[-1, -2]), repr(X[(1, 2)]))
z = np.array(5.0)
print(repr(z[z > 0.5]), repr(z[z > 9]), repr(X[np.True_].shape), repr(X[np.array(2)]))
print(repr(X.sum(axis=0, keepdims=True)), repr(X.mean(keepdims=True)), repr(np.max(C, axis=1, keepdims=True)), repr(np.std(C, axis=-1, keepdims=True).shape))
print(repr(np.argmax(X, axis=1, keepdims=True)), repr(np.any(X > 20, axis=0, keepdims=True)), repr(X.min(axis=0, keepdims=False)))
for bad in [lambda: X[[0, 1], [0, 1, 2]],
            lambda: X[0, 0, 0],
            lambda: X[..., ..., 0],
            lambda: X[[0, 5]],
            lambda: X[:, [1, -7]],
            lambda: X[np.array([True, False])],
            lambda: X[:, np.array([True, False, True])],
            lambda: X[1.5],
            lambda: X[np.array([1.0])],
            lambda: X['a'],
            lambda: X[4],
            lambda: X[-5, 0],
            lambda: X.reshape(5, 5),
            lambda: X.reshape(-1, -1),
            lambda: X.reshape(7, -1),
            lambda: np.arange(3)[[0, 1], [0]],
            lambda: X.sum(axis=2, keepdims=True)]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
