# Series.isin with missing values as pandas' hash tables match them: NaN matches NaN in the values
# (== never does), a str column's missing value matches None and NaN alike, an object column's None
# only None; numbers match across int/float/bool, never text.
import numpy as np
import pandas as pd

cases = [
    (pd.Series(["a", None, "b"]), ["a", None]),
    (pd.Series(["a", None, "b"]), [np.nan]),
    (pd.Series(["a", None]), ["a", float("nan")]),
    (pd.Series([1.0, np.nan, 2.0]), [np.nan]),
    (pd.Series([1.0, np.nan, 2.0]), [None]),
    (pd.Series([1.0, np.nan]), [np.nan, None]),
    (pd.Series([1.0, np.nan]), np.array([np.nan])),
    (pd.Series([1.0, np.nan]), ["a", None]),
    (pd.Series([1.0, np.nan, 2.0]), [1]),
    (pd.Series([1, None, "x"]), [None]),
    (pd.Series([1, None, "x"]), [np.nan]),
    (pd.Series([1, np.nan, "x"], dtype=object), [np.nan]),
    (pd.Series([1, np.nan, "x"], dtype=object), [None]),
    (pd.Series([1, 0, 2]), [True]),
    (pd.Series([True, False]), [1]),
    (pd.Series([1, 2]), ["1"]),
    (pd.Series(["1", "2"]), [1]),
    (pd.Series([1, 2]), [1.0, 1.5]),
    (pd.Series([1, 2]), np.array([2])),
    (pd.Series([1, 2]), pd.Series([2, 3])),
    (pd.Series([1, 2]), []),
    (pd.Series([2**53 + 1]), [2**53]),
]
for s, values in cases:
    print(s.isin(values).tolist())
df = pd.DataFrame({"split": ["train", None, "test", "val"], "score": [0.5, np.nan, 0.7, 0.9]})
print(df[df.split.isin(["train", None])])
print(df[~df.score.isin([np.nan, 0.9])])
