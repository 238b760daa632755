# Reductions of empty and all-missing Series as pandas' nanops answers them: an empty Series of any
# number dtype (ints and bools too, no numpy ValueError) gives a Python float NaN for mean, median,
# std, var, min and max (sum 0 of its dtype), the mean of all-missing values too; sum(min_count=)
# of too few ints is a Python float NaN; std/var with ddof >= count are NaN (numpy's would be inf);
# DataFrame reductions over such columns.
import numpy as np
import pandas as pd

series = [
    pd.Series([np.nan]), pd.Series([], dtype=float), pd.Series([], dtype=int),
    pd.Series([1.0]), pd.Series([1, np.nan]), pd.Series([np.nan, np.nan]), pd.Series([3, 4]),
]
for s in series:
    out = []
    for m in ["mean", "median", "std", "var", "max", "min", "sum"]:
        out.append(repr(getattr(s, m)()))
    print(out)
    print(repr(s.max(skipna=False)), repr(s.mean(skipna=False)), repr(s.quantile(0.5)), repr(s.sum(min_count=1)), repr(s.sum(min_count=3)))
    print(repr(s.std(ddof=0)), repr(s.var(ddof=1)), repr(s.std(ddof=2)), repr(s.var(ddof=5)))
print([repr(getattr(pd.Series([], dtype=bool), m)()) for m in ["mean", "median", "std", "var", "max", "min", "sum"]])
d = pd.DataFrame({"a": [np.nan, np.nan], "b": [1.0, 2.0], "c": [1, 2]})
print(repr(d.a.mean()), d.mean().tolist(), repr(d.mean().iloc[0]), d.max(), d.iloc[:0].mean(), d.iloc[:0].max(), sep="\n")
print(d.std(), d.describe(), d.iloc[:0].describe(), sep="\n")
