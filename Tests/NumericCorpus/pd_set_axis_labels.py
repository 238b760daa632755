# Setting a frame's columns/index and a Series' name/index changes what they print (mfsh used to keep
# the attribute on the side and print the old labels); pandas' length error; a Series taken from a
# frame and renamed leaves the frame alone.
import numpy as np
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [0.5, np.nan, 2.0]})
df.columns = ["x", "y"]
print(df)
print(df.columns, df["y"].sum())
df.index = ["r1", "r2", "r3"]
print(df.loc["r2"])
df.columns = pd.Index(["p", "q"], name="cols")
print(df)
s = df["p"]
s.name = "renamed"
print(s)
print(df.columns.tolist())
s.index = [10, 20, 30]
print(s[20], s.index)
for f in [lambda: setattr(df, "columns", ["only"]), lambda: setattr(s, "index", [1]), lambda: setattr(np.array([1]), "foo", 1),
          lambda: setattr(np.float64(1.5), "foo", 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
