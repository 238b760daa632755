# dtype objects: df.dtypes holds dtypes (numpy's and pandas' str dtype), dtype == np.float64 / int / 'i8';
# astype(str) gives pandas' str dtype (missing stays NaN); DataFrame.astype with a dtype or a dict.
import numpy as np
import pandas as pd
df = pd.DataFrame({"s": ["a", "b"], "i": [1, 2], "v": [1.5, 2.5]})
print(df.dtypes == "float64")
print(list(df.dtypes[df.dtypes == "int64"].index))
print(df.dtypes.value_counts())
print(df.dtypes.astype(str).tolist())
print(df.dtypes.to_dict())

print(df.dtypes.apply(lambda d: d.kind if hasattr(d, "kind") else "?").tolist())
print(df.select_dtypes(include="number").columns.tolist())
print(df.dtypes.map(str).tolist())
print(str(df.dtypes.iloc[2]), df.dtypes.iloc[1] == np.int64, df.dtypes.iloc[1] == int, df.dtypes.iloc[1] == "i8", df.dtypes.iloc[1] == None)
print(np.dtype("float64") == np.float64, np.dtype("int32") == np.int64, np.dtype("int32") != "int32")
s = pd.Series([1, 2, 30])
t = s.astype(str)
print(t)
print(repr(t.dtype), t.tolist())
o = pd.Series(["a", None, "c"])
print(o.astype(str).tolist())
f = pd.Series([1.5, None])
print(f.astype(str).tolist())
print(pd.DataFrame({"a": [1, 2]}).astype(str).dtypes.tolist())
df = pd.DataFrame({"a": [1, 2], "b": [0.5, None], "s": ["x", "y"]})
print(df.astype({"a": float}))
print(df.astype({"a": "float32"}).dtypes)
print(df.astype(str))
print(df.astype(str).dtypes)
try:
    df.astype({"zz": int})
except KeyError as e:
    print("KeyError", e)
print(df[["a"]].astype("int32").dtypes)
