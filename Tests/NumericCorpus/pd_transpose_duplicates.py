# DataFrame.T/transpose() (the rows' common dtype: int64, float64, bool, or object for mixed columns) and
# duplicated()/drop_duplicates() of frames and series: keep='first'/'last'/False, subset, ignore_index,
# missing values (and 0.0 and -0.0) equal to each other, and the keep error.
import numpy as np
import pandas as pd

df = pd.DataFrame({"a": [1, 2], "b": [1.5, np.nan]}, index=["x", "y"])
print(df.T, df.T.dtypes, df.transpose(), df.T.T, sep="\n")
print(pd.DataFrame({"a": [1, 2], "b": [3, 4]}).T.dtypes, pd.DataFrame({"a": [True, False], "b": [True, True]}).T, sep="\n")
m = pd.DataFrame({"a": [1, 2], "b": ["s", "t"], "c": [True, False]})
print(m.T, m.T.dtypes, m.T.to_dict(), sep="\n")
print(pd.DataFrame({"a": [1, 2], "b": [True, False]}).T.to_dict())
print(pd.DataFrame({"a": np.array([1, 2], dtype=np.int32), "b": np.array([1, 2], dtype=np.float32)}).T.dtypes)
print(pd.DataFrame().T, pd.DataFrame({"a": np.array([], dtype=float)}).T, sep="\n")
print(pd.DataFrame({"p": [0.1, 0.2, 0.3], "q": [10, 20, 30]}).T)
d = pd.DataFrame({"k": [1, 1, 2, 1, np.nan, np.nan], "s": ["a", "a", "b", "c", None, None]})
print(d.drop_duplicates(), d.drop_duplicates(keep="last"), d.drop_duplicates(keep=False), d.drop_duplicates(subset=["k"]),
      d.drop_duplicates("s", ignore_index=True), d.drop_duplicates(subset="k", keep="last"), sep="\n")
print(d.duplicated(), d.duplicated(keep=False), d.duplicated(subset=["s"]), d["k"].duplicated(keep="last"), sep="\n")
print(d["s"].drop_duplicates(), d["k"].drop_duplicates(keep=False), d["k"].drop_duplicates(ignore_index=True), sep="\n")
print(pd.DataFrame({"a": [True, True, False]}).drop_duplicates(), pd.Series([1.5, 1.5, -0.0, 0.0]).duplicated(), sep="\n")
for bad in (lambda: d.drop_duplicates(keep="x"), lambda: d["k"].duplicated(keep=None), lambda: d.drop_duplicates(subset=[])):
    try:
        print(bad())
    except ValueError as e:
        print(type(e).__name__ + ":", e)
