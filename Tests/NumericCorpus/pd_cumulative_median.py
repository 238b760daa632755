# Series cummax/cummin (NaN kept in place, skipped by the running value), DataFrame cumsum/cummax/cummin,
# median and nunique per column, for ints, floats with NaN, bools and empty frames, and pandas' errors.
import numpy as np
import pandas as pd

f = pd.Series([2.0, np.nan, 1.0, 5.0, np.nan, 3.0])
i = pd.Series([3, 1, 4, 1, 5], index=list("abcde"), name="n")
print(f.cummax(), f.cummin(), f.cummax(skipna=False), f.cummin(skipna=False), sep="\n")
print(i.cummax(), i.cummin(), pd.Series([], dtype=float).cummax(), sep="\n")
print(pd.Series([True, False, True]).cummax(), pd.Series([True, False, True]).cummin(), sep="\n")
df = pd.DataFrame({"i": [3, 1, 4, 1], "f": [np.nan, 2.5, np.nan, -1.0], "g": [1.5, 0.5, 2.0, 9.0]})
print(df.cumsum(), df.cummax(), df.cummin(), df.cumsum().dtypes, sep="\n")
print(df.median(), df.nunique(), pd.DataFrame({"s": ["a", "b", "a", None], "f": [1.0, np.nan, 1.0, 2.0]}).nunique(), sep="\n")
print(df.nunique(dropna=False), pd.DataFrame({"e": pd.Series([], dtype=float)}).median(), sep="\n")
print(df.median(numeric_only=True), pd.DataFrame({"s": ["a", "b"], "x": [1, 2]}).median(numeric_only=True), sep="\n")
for bad in (lambda: pd.DataFrame({"s": ["a", "b"], "x": [1, 2]}).median(), lambda: df.cumsum(foo=1)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
df.nunique(foo=1)
