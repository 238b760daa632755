# pct_change() as pandas 3 computes it: x / x.shift(periods) - 1 with nothing filled first (a NaN
# stays a hole and makes its neighbour NaN), inf from a zero, float32 kept, ints as float64.
import numpy as np
import pandas as pd
s = pd.Series([90, 91, 0, 85, 85], index=list("abcde"))
print(s.pct_change())
print(s.pct_change(periods=2).tolist(), s.pct_change(-1).tolist())
print(pd.Series([1.0, np.nan, 4.0, 0.0, 0.0]).pct_change())
print(pd.Series(np.array([1.5, 3.0, 2.25], dtype=np.float32), name="f32").pct_change())
df = pd.DataFrame({"FR": [4.0405, 4.0963, 4.3149], "n": [10, 12, 9]}, index=["1980-01-01", "1980-02-01", "1980-03-01"])
print(df.pct_change())
print(df.pct_change(periods=-1).round(4))
for f in [lambda: s.pct_change(fill_method="ffill"), lambda: s.pct_change(fill_method=None).iloc[1]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
