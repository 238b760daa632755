# Series.corr/cov and DataFrame.corr/cov (Pearson): pairs with a missing value left out, ints, floats
# with NaN, bools, constant and too short columns (NaN), labels aligned, min_periods and ddof (ignored
# by DataFrame.cov when values are missing, as pandas does), numeric_only, and pandas' errors.
import numpy as np
import pandas as pd

a = pd.Series([1, 2, 3, 4, 5])
b = pd.Series([2.0, np.nan, 1.0, 8.0, 9.5])
print(repr(a.corr(b)), repr(a.cov(b)), repr(b.corr(a)), repr(a.cov(b, ddof=0)))
print(repr(a.corr(a)), repr(b.cov(b)), repr(a.corr(b, min_periods=5)), repr(a.cov(b, min_periods=4)))
print(repr(pd.Series([1.0]).corr(pd.Series([2.0]))), repr(pd.Series([1.0, 1.0]).corr(pd.Series([2.0, 3.0]))))
print(repr(pd.Series([True, False, True]).corr(pd.Series([1, 2, 4]))), repr(pd.Series([True, False, True]).cov(pd.Series([1, 2, 4]))))
print(repr(pd.Series([], dtype=float).corr(pd.Series([], dtype=float))), repr(pd.Series([np.nan, np.nan]).cov(pd.Series([1.0, 2.0]))))
print(repr(a.corr(pd.Series([1.0, 2.0, 3.0], index=[2, 3, 9]))), repr(a.cov(pd.Series([3.0, 1.0, 2.0], index=[4, 0, 2]))))
x = pd.Series(np.linspace(0.0, 1.0, 37) ** 2)
y = pd.Series(np.sin(np.arange(37) * 0.7))
print(repr(x.corr(y)), repr(x.cov(y)), repr(y.corr(x, method="pearson")))
print(repr(pd.Series([1, 2, None, 4], dtype=object).corr(pd.Series([1.5, 2.5, 3.0, 0.5]))))

df = pd.DataFrame({"i": [1, 2, 3, 4, 5], "f": [2.0, np.nan, 1.0, 8.0, 9.5], "b": [True, False, True, True, False],
                   "c": [3.0, 3.0, 3.0, 3.0, 3.0]})
print(df.corr(), df.cov(), df.cov(ddof=0), df.corr(min_periods=5), df.cov(min_periods=5), sep="\n")
full = pd.DataFrame({"x": x, "y": y, "z": np.arange(37) % 5})
print(full.corr(), full.cov(), full.cov(ddof=0), full.cov(min_periods=40), sep="\n")
mixed = pd.DataFrame({"i": [1, 2, 4], "s": ["a", "b", "c"], "f": [0.5, np.nan, 1.5]})
print(mixed.corr(numeric_only=True), mixed.cov(numeric_only=True), sep="\n")
print(pd.DataFrame({"x": [1.0, 2.0]}).corr(), pd.DataFrame().corr(), pd.DataFrame({"p": [1.0], "q": [2.0]}).corr(), sep="\n")
for bad in (lambda: mixed.corr(), lambda: mixed.cov(), lambda: a.corr(b, method="foo"), lambda: df.corr(method="foo"),
            lambda: a.corr(pd.Series(["a", "b", "c", "d", "e"])), lambda: a.corr([1, 2, 3]), lambda: a.corr(b, foo=1)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
df.corr(method="kendal")
