# numpy indexing, iteration, reductions, arithmetic and comparisons on DataFlow's arrays and scalars.
from metaflow import Flow

data = Flow('DataFlow').latest_run['start'].task.data
m, a, f = data.matrix, data.int_array, data.float_array
print(m[-1], m[1:, ::2], m[0, -1], m[:, 1:3].tolist(), m[::-1, 0], m[[0, 2]])
print(a[1:4], a[::-1], a[-2:], a[2:2], m[1:1], m[:, 0:0])
print([x for x in a], [str(r) for r in m], len(m), len(a))
print(m.sum(axis=0), m.sum(axis=1), m.mean(axis=0), m.max(axis=1), m.min(), m.argmax(), a.argmin())
print(a + a, a - 1, 1 - a, a / 2, a // 2, a % 4, a ** 2, -a, f * 4, 2 * f, f + a[:5])
print(a.all(), data.bool_array.all(), a.any(), m.T, m.T.T.shape)
s, n = data.mean_score, data.n_rows
print(s * 2, s / 2, s - 1, n + 1, n // 2, n / 2, -s, -n, round(s, 1), round(s), n == 3, s > 0.5, 3 == n)
print(type(s).__name__, type(n).__name__, type(s * 2).__name__, type(n + 1).__name__, type(a[0]).__name__)
print(repr(s * 2), repr(n + 1), repr(a[0]), repr(m[0, 0]), repr(a.sum()), repr(m.mean()))
print(a.dtype == 'int64', a.dtype, repr(a.dtype), a.dtype.kind, a.dtype.itemsize, data.labels.dtype, repr(data.dates.dtype))
print(data.labels[1], repr(data.labels[1]), data.labels[1] == 'dog', data.dates[0], repr(data.dates[0]), data.labels.tolist())
print(a.item(2), s.item(), n.item(), a.flatten(), m.ravel(), m.copy().shape, bool(n), bool(a[0]), float(a[2]), int(f[3]))
print(m.reshape(4, 3), m.reshape(-1).shape, a.astype(float), f.astype(int), m.std(), f.var(), a.cumsum(), a.prod())
print(2 in a, 7 in a, 0.25 in f, 'dog' in data.labels, data.dates.max(), data.dates.argmin(), data.labels.argmax())
