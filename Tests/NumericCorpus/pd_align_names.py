# Series arithmetic aligns on labels (union, sorted; NaN where a side lacks a label; ints become
# float64), comparisons need the same labels, and a result's name is the common name or None.
import pandas as pd

a = pd.Series([1.0, 2.0, 3.0], index=["x", "y", "z"], name="v")
b = pd.Series([10.0, 20.0, 30.0], index=["z", "y", "x"], name="v")
print(a + b)
print(a - b.iloc[:2] if hasattr(b, "iloc") else None)
c = pd.Series([1, 2, 3])
d = pd.Series([10, 20, 30], index=[2, 1, 0])
print(c * d, (c * d).dtype)
e = pd.Series([5, 6], index=[7, 1])
print(c + e, (c + e).index)
df = pd.DataFrame({"v": [1, 2, 3], "w": [4.0, 5.0, 6.0]})
sub = df[df["v"] > 1]
print(sub["v"] + df["v"])
print(df["w"] / sub["w"])
print(pd.Series([1.0, 2.0], index=["b", "a"]) ** pd.Series([2.0, 3.0, 4.0], index=["a", "b", "c"]))
print(df["v"] + df["w"])
print(df["v"] + df["v"])
print((df["v"] * 2).name, (df["v"] > df["w"]).name, (df["v"] == df["v"]).name, (2 - df["w"]).name)
try:
    print(a > b)
except ValueError as err:
    print("ValueError", err)

# df[col] = series: the Series is reindexed on the frame's labels.
f = pd.DataFrame({"v": [1, 2, 3]}, index=["a", "b", "c"])
f["w"] = pd.Series([10, 20, 30], index=["c", "b", "a"])
f["x"] = pd.Series([1.5, 2.5], index=["b", "q"])
print(f, [str(t) for t in f.dtypes])
g = pd.DataFrame({"v": [1, 2, 3]})
g["w"] = g["v"][g["v"] > 1] * 2
g["v2"] = g["v"]
print(g)
