# any() and all() of Series and DataFrames skip missing values as pandas does (NaN is not counted as
# true unless skipna=False), for float, int, bool, object (None) and str columns; axis=None over a
# whole frame, bool_only, empty ones, and pandas' errors for positional arguments and bad axes.
import numpy as np
import pandas as pd

print(pd.Series([np.nan, 0.0]).any(), pd.Series([np.nan, 1.0]).all())
print(repr(pd.Series([np.nan, 0.0]).any(skipna=False)), repr(pd.Series([np.nan, 1.0]).all(skipna=False)))
print(repr(pd.Series([np.nan]).any()), repr(pd.Series([np.nan]).all()), repr(pd.Series([np.nan]).any(skipna=False)))
print(repr(pd.Series([1, 0, 3]).any()), repr(pd.Series([1, 0, 3]).all()), repr(pd.Series([0, 0]).any()))
print(repr(pd.Series([True, False]).any()), repr(pd.Series([True, True]).all()), repr(pd.Series([False]).any()))
print(repr(pd.Series([1, 2], dtype=np.float32).all()), repr(pd.Series([0, 2], dtype=np.uint8).all()))
print(repr(pd.Series([None, False], dtype=object).any()), repr(pd.Series([None, True], dtype=object).all()))
print(repr(pd.Series([None, False], dtype=object).any(skipna=False)), repr(pd.Series([None, True], dtype=object).all(skipna=False)))
print(repr(pd.Series([0, "x", None], dtype=object).any()))
s = pd.Series(["a", None, ""])
for name in ["any", "all"]:
    for skipna in [True, False]:
        print(name, skipna, repr(getattr(s, name)(skipna=skipna)), repr(getattr(pd.Series(["a", None]), name)(skipna=skipna)),
              repr(getattr(pd.Series([None, None], dtype="str"), name)(skipna=skipna)))
print(repr(pd.Series([], dtype=float).any()), repr(pd.Series([], dtype=float).all()), repr(pd.Series([], dtype="str").any()))
print(repr(pd.Series([1, 0]).any(axis=0)), repr(pd.Series([1, 0]).all(axis="index")), repr(pd.Series([1, 0]).any(bool_only=True)))

df = pd.DataFrame({"a": [1, 0, 2], "f": [np.nan, 1.0, 2.0], "z": [np.nan, 0.0, np.nan], "b": [True, True, False], "s": ["x", "y", None]})
print(df.any(), df.all(), df.all(skipna=False), df.any(skipna=False), sep="\n")
print(df.any(bool_only=True), df.all(bool_only=True), sep="\n")
print(repr(df.any(axis=None)), repr(df.all(axis=None)), repr(df[["a", "f"]].any(axis=None)))
print(pd.DataFrame().any(), pd.DataFrame({"e": pd.Series([], dtype=float)}).all(), sep="\n")
print(df[df["f"].notna()].all())
for bad in (lambda: pd.Series([1]).any(axis=1), lambda: pd.Series([1]).any(1), 
            lambda: pd.Series([1]).any(foo=1), lambda: df.any(foo=1), lambda: df.any(axis=2), lambda: df.any(0)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
df["f"].any(0)
