# ffill()/bfill(): each missing value takes the nearest present one before/after it (leading or
# trailing holes stay), every dtype kept; frames column by column; limit= refused by mfsh, so not here.
import numpy as np
import pandas as pd
s = pd.Series([np.nan, 1.5, np.nan, np.nan, 4.0, np.nan], index=list("abcdef"), name="v")
print(s.ffill())
print(s.bfill())
df = pd.DataFrame({"t": ["x", None, "z", None], "n": [1.0, np.nan, np.nan, 2.0], "k": [1, 2, 3, 4]})
print(df[["t", "n", "k"]].ffill())
print(df[["t", "n", "k"]].bfill(axis=0))
print(pd.Series(["a", None, "c"], dtype=object).ffill().tolist(), pd.Series([None, None]).bfill().tolist())
