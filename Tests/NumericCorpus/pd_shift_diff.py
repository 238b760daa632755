# shift() and diff() of Series and DataFrames: dtypes after shifting (ints to float64, float32 kept,
# bools to object with NaN, str with NaN, object with None, datetimes with NaT), negative and oversized
# periods, diff in the column's float width and of int64 (wrapping), whole-number float periods, errors.
import numpy as np
import pandas as pd

df = pd.DataFrame({"i": [1, 2, 4, 7], "f": [1.5, np.nan, 2.5, 10.0], "b": [True, False, True, True], "s": ["a", "b", None, "d"],
                   "u": np.array([1, 5, 2, 9], dtype=np.uint8), "f32": np.array([1, 2, 3, 4.5], dtype=np.float32),
                   "o": [None, 1, "x", 2.5], "t": [pd.Timestamp("2024-01-01"), pd.NaT, pd.Timestamp("2024-01-03 12:00"), pd.Timestamp("2024-01-04")]},
                  index=["w", "x", "y", "z"])
print(df.shift(), df.shift().dtypes, sep="\n")
print(df.shift(-2), df.shift(periods=3), df.shift(0), df.shift(10), df.shift(-10), sep="\n")
print(df["i"].shift(), df["s"].shift(2), df["b"].shift(-1), df["t"].shift(), df["o"].shift(), sep="\n")
num = df[["i", "f", "f32"]]
print(num.diff(), num.diff().dtypes, num.diff(-1), num.diff(2), num.diff(0), num.diff(7), sep="\n")
print(df["i"].diff(), df["f"].diff(-2), df["f32"].diff(), sep="\n")
big = pd.Series(np.array([2**62, -(2**62), 2**62], dtype=np.int64))
print(big.diff(), big.shift(), sep="\n")
print(pd.DataFrame({"a": np.array([], dtype=float)}).shift(), pd.Series([1.5]).diff(), sep="\n")
print(df.shift(1).shift(-1))
print(df["i"].diff(1.0), num.diff(periods=-1.0), sep="\n")
for bad in (lambda: df["i"].diff(1.5), lambda: num.diff("1")):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
