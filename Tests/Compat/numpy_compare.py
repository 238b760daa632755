# numpy/pandas values in formatting, as indexes, and compared element-wise (bool arrays and masks).
from metaflow import Flow

d = Flow('DataFlow').latest_run['start'].task.data
a, i = d.float_array, d.int_array
x = a[1]
print(f"{x:.3f}", format(x, '.2e'), f"{a.sum():>10.4f}", f"{d.mean_score:.1%}", f"{d.n_rows:04d}", round(x, 2))
print([10, 20, 30, 40, 50, 60][i[2]], hex(i[3]), list(range(i[4])), 'abcdef'[i[1]:i[3]])
print(a > 0.5, (a > 0.5).sum(), a[a > 0.5], i == 3, i[i % 2 == 0], (i >= 2) & (i < 5))
print(0.5 < a, a != a[0], (a == 0.5).any() if hasattr(a, 'any') else None)
print(f"{a}", f"{i!r}")
try:
    f"{a:.2f}"
except TypeError as e:
    print('TypeError', e)
try:
    [1, 2][a[1]]
except TypeError as e:
    print('TypeError')  # (CPython names the type numpy.float64 in the message; mfsh says float64)
f = Flow('DataFlow').latest_run['frames'].task.data
s = f.series
print(s > 15, (s > 15).sum(), s[s > 15], s == 20)
