# DataFrame comparisons and arithmetic with a scalar (column by column, NaN compares False but !=),
# comparisons between identically-labelled frames (and pandas' ValueError otherwise), Index comparisons
# (a numpy bool array, "Lengths must match"), and the object dtype pandas gives bool beside numbers in
# to_numpy()/values and in column reductions (max/min of a bool column beside numbers).
import numpy as np
import pandas as pd

d = pd.DataFrame({"a": [1, 2, None], "b": [3, 4, 5], "s": ["x", "y", None], "t": [True, False, True]}, index=["r", "s", "t"])
n = d[["a", "b"]]
e = pd.DataFrame({"a": [1, None, None], "b": [3, 4, 6]}, index=["r", "s", "t"])
print(n * 2)
print(n + 1.5, 10 - n, n // 2, n % 2, n / 0, 2 ** n, sep="\n")
print(n == 2, 2 == n, n != 2, n >= 2, 3 < n, sep="\n")
print(d == "x", d != "x", d == None, sep="\n")
print(n == e, n != e, n < e, sep="\n")
print((n > 1).sum(), (n > 1).all(), (n > 1).dtypes, sep="\n")
print(n == np.int64(2), n == np.float64(2.0), d[["t"]] & True, sep="\n")
print(d.iloc[:0] == 1)
for bad in (lambda: n == n[["b", "a"]], lambda: n == n.iloc[:2], lambda: d > 1):
    try:
        print(bad())
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__)
print(d.index == "s", d.index != "s", d.columns == "a", d.index > "r")
print(n.index == ["r", "x", "t"], pd.Index([1, 2]) == pd.Index([1, 3]), pd.DataFrame({"x": range(4)}).index >= 2)
try:
    print(d.index == [1, 2])
except ValueError as exc:
    print("ValueError")
f = pd.DataFrame({"a": [1, 2], "d": [True, False], "f": [0.5, np.nan]})
print(f.max(), f.min(), f[["a", "d"]].max(), f[["d", "f"]].min(), f.sum(), f[["d"]].max(), sep="\n")
print(f[["d", "f"]].values, f[["a", "d"]].to_numpy(), f[["d"]].values, f[["a", "f"]].values, sep="\n")
