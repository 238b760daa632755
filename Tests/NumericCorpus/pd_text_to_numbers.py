# A text column read as numbers: astype(float) reads each cell with Python's float() (missing ones
# stay NaN), astype(int) with int(), with pandas' errors; DataFrame.astype per column too.
import numpy as np
import pandas as pd
print(pd.Series(["1.5", " 2", None, "nan", "1e3"]).astype(float))
print(pd.Series(["1", "-2"]).astype(int), pd.Series(["1", "2"], dtype=object).astype("float64").tolist())
print(pd.Series(["0.25", "0.5"], name="p").astype(np.float32))
df = pd.DataFrame({"a": ["1", "2"], "b": ["0.5", None]})
print(df.astype({"a": int, "b": float}).dtypes.tolist(), df.astype({"a": int, "b": float}))
for f in [lambda: pd.Series(["x"]).astype(float), lambda: pd.Series(["1.5"]).astype(int), lambda: pd.Series(["1", None]).astype(int)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
