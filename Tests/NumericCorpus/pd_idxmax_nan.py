# idxmax/idxmin skip NaN as pandas does (numpy's argmax picks the NaN), give a RangeIndex label as a Python int,
# and raise pandas' errors for all-NaN, empty and skipna=False with a NaN.
import numpy as np
import pandas as pd
s = pd.Series([np.nan, 2.0, 5.0, np.nan], index=['a','b','c','d'])
print(repr(s.idxmax()), repr(s.idxmin()), repr(pd.Series([3,1,3]).idxmax()), repr(pd.Series([3,1,1]).idxmin()))
for f in [lambda: pd.Series([np.nan, np.nan]).idxmax(), lambda: pd.Series([], dtype=float).idxmax(), lambda: s.idxmax(skipna=False),
          lambda: pd.Series([1.0, 2.0], index=[10.5, 20.5]).idxmax(), lambda: pd.Series([True, False]).idxmin(), lambda: pd.Series([5, 9], index=[7, 8]).idxmax()]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
df = pd.DataFrame({"score": [0.9, 0.1, np.nan, 0.75]})
print(df["score"].idxmax(), df["score"].idxmin())
