# to_numpy(dtype=) casts (it was ignored: ints stayed ints), and the column axis of a frame's
# reductions may be given by position or name.
import numpy as np
import pandas as pd
df = pd.DataFrame({"a": [1, 2], "b": [0.5, np.nan]})
print(df.to_numpy(dtype=float), df["a"].to_numpy(dtype=float), df["a"].to_numpy(dtype="float32").dtype)
print(df.to_numpy(dtype=None).dtype, df.to_numpy(copy=True).shape)
print(df.sum(axis=0), df.mean(axis="index"), df.max(axis=0))
print(df["b"].sum(axis=0), df["b"].mean(skipna=False))
