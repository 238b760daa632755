# A scalar made a column keeps its type even with no row (`empty["z"] = 1` is int64, not object), a
# numpy scalar or 0-d array its numpy dtype (np.float32(2) makes float32, np.int8 int8) on empty and
# non-empty frames alike; an empty list in pd.DataFrame({...}) is float64 (a lone pd.Series([]) object).
import numpy as np
import pandas as pd

df = pd.DataFrame({"g": ["a", "b"], "x": [1.0, 2.0]})
for frame in (df[df.x > 5], df):
    for v in [1, 1.5, "s", True, None, np.float32(2), np.int8(3), np.array(4), np.float64(0.5), np.bool_(False)]:
        f = frame.copy()
        f["z"] = v
        print(repr(v), f.dtypes.tolist(), frame.assign(w=v).dtypes.tolist())
    f = frame.copy()
    f["c"] = np.float32(0.1)
    print(f, f.c.sum(), sep="\n")
print(pd.DataFrame({"a": 1, "b": []}).dtypes, pd.DataFrame({"b": []}).dtypes, pd.DataFrame({"a": ()}).dtypes, pd.Series([]).dtype, sep="\n")
print(pd.DataFrame({"a": "x", "b": pd.Series([], dtype=float)}).dtypes, pd.DataFrame({"a": [], "s": np.array([], dtype=np.int32)}).dtypes, sep="\n")
