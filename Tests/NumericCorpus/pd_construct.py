# Building pandas values in a script: Series from lists, arrays, dicts and scalars (dtype inference,
# name, index, dtype=), DataFrame from a dict of lists/arrays/Series, a list of dicts, rows and a 2-D
# array; isna/notna on scalars, Series, frames and lists; NaT; pandas' errors for bad shapes.
import numpy as np
import pandas as pd

print(pd.Series([1, 2, 3]))
print(pd.Series([1.5, None, 3], name="x"))
print(pd.Series(["a", None, "ccc"], index=[10, 20, 30]))
print(pd.Series([True, False]), pd.Series([True, None]).dtype, pd.Series([1, "a"]).dtype)
print(pd.Series({"a": 1, "b": 2}), pd.Series(5, index=["p", "q"]), pd.Series(np.arange(3) * 0.5, name="half"))
print(pd.Series([1, 2], dtype=float), pd.Series([1.0, 2.0], dtype="int64"), pd.Series([1, 2], dtype=str).tolist())
print(pd.Series(np.array(["u", "vv"])).dtype, pd.Series([]).dtype, len(pd.Series([])))
s = pd.Series([3.0, np.nan, 1.0, 7.0], index=["w", "x", "y", "z"], name="vals")
print(s.mean(), s.sum(), s.max(), s["z"], s.index.tolist(), s.name)
print(pd.isna(s), pd.notna(s).tolist(), pd.isna(None), pd.isna(np.nan), pd.isna(3), pd.isnull("a"), pd.notnull(1.0))
print(pd.isna([1, None, np.nan]), pd.isna(np.array([1.0, np.nan])), pd.isna(pd.NaT), pd.NaT)

df = pd.DataFrame({"a": [1, 2, 3], "b": [0.5, np.nan, 2.5], "c": ["x", "y", None], "d": [True, False, True]})
print(df)
print(df.dtypes)
print(df.shape, df.columns.tolist(), df["b"].sum(), df.columns)
print(pd.isna(df))
print(pd.notna(df)["c"].tolist())
print(pd.DataFrame({"k": 1, "v": [1, 2]}))
print(pd.DataFrame({"a": np.arange(4), "sq": np.arange(4) ** 2}, index=["p", "q", "r", "s"]))
print(pd.DataFrame([{"x": 1, "y": "a"}, {"x": 2, "z": 1.5}]))
print(pd.DataFrame([[1, 2.5], [3, 4.5]], columns=["i", "f"]))
print(pd.DataFrame(np.arange(6).reshape(2, 3)))
ser = pd.Series([10, 20, 30], index=["a", "b", "c"])
print(pd.DataFrame({"s": ser, "t": ser * 2}))
print(pd.DataFrame({"a": [1, 2], "b": [3, 4]}, columns=["b", "a"]))
print(pd.DataFrame(), pd.DataFrame().shape, pd.DataFrame({"a": []}).shape)
print(pd.Index(["a", "b"]), pd.Index([1, 2, 3], name="n"))
for bad in (lambda: pd.DataFrame({"a": [1, 2], "b": [1, 2, 3]}), lambda: pd.DataFrame({"a": 1}),
            lambda: pd.Series([1, 2], index=["a"]), lambda: pd.DataFrame(5)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
for bad in (lambda: pd.Series([1.5, 2.0], dtype="int64"), lambda: pd.Series([1.0, np.nan], dtype=int)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# Reductions of long Series without missing values take the buffer fast paths: they must still be
# pandas' numbers (an int64 column's variance is a plain pairwise sum in pandas, a cast-buffer sum in numpy).
big_ints = pd.Series(np.arange(20000) * 7919 % 1000003)
big_floats = pd.Series(np.arange(20000) / 7.0)
print(repr(big_ints.std()), repr(big_ints.var()), repr(big_ints.mean()), repr(big_ints.sum()), repr(big_ints.max()))
print(repr(big_floats.std()), repr(big_floats.var(ddof=0)), repr(big_floats.mean()), repr(big_floats.sum()), repr(big_floats.min()))
print(repr((big_floats > 100).sum()), repr((big_floats > 100).mean()), repr(big_floats.sum(min_count=30000)))
# cumsum skips NaN (the running sum goes on past it), or with skipna=False stops at it; np.cumsum of a
# Series is the Series' own.
gaps = pd.Series([1.5, np.nan, 2.0, np.nan, 0.25], name="g")
print(gaps.cumsum(), gaps.cumsum(skipna=False), np.cumsum(gaps), pd.Series([1, 2, 3]).cumsum(), sep="\n")
