# Column assignment (new and replaced columns from expressions, scalars, lists; the frame's shape,
# columns and attribute access follow; a copy taken before keeps its values) and pd.concat of
# frames and Series (RangeIndex kept when consecutive, ignore_index, dtype promotion); errors.
import numpy as np
import pandas as pd

df = pd.DataFrame({"a": [1, 2, 3, 4], "b": [0.5, 1.5, np.nan, 3.5]})
before = df["a"]
df["c"] = df["a"] * 2 + df["b"]
df["flag"] = df["a"] > 2
df["k"] = 7
df["name"] = ["w", "x", "y", "z"]
df["a"] = df["a"] / 4
print(df)
print(df.shape, df.columns.tolist(), df.dtypes.tolist() if False else df.dtypes, df.c.tolist(), before.tolist())
alias = df
alias["n"] = np.arange(4)
print(df.columns, len(df.columns), df[df["flag"]])
print(df[df["name"] == "y"]["c"].tolist(), df.iloc[0])
for bad in (lambda: df.__setitem__("z", [1, 2]), ):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

x = pd.DataFrame({"id": [1, 2], "v": [0.5, 1.5]})
y = pd.DataFrame({"id": [3], "v": [2]})
print(pd.concat([x, y]))
print(pd.concat([x, y], ignore_index=True))
print(pd.concat([x, x]).index, pd.concat([x[:1], x[1:]]).index)
print(pd.concat([pd.Series([1, 2], name="s"), pd.Series([3.5], name="s")]))
print(pd.concat([pd.Series(["a"]), pd.Series(["b", None])], ignore_index=True))
print(pd.concat([x, None, y]).shape)
for bad in (lambda: pd.concat([]), lambda: pd.concat([x, 3])):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
