# groupby on several columns (a MultiIndex result): two and three keys of strings, ints and floats, rows
# with a missing key dropped, keys sorted lexicographically; mean/sum/count/size/min/max/std/var/median
# and agg (list, dict) as frames and Series, printed sparsified (repeated outer labels blanked), cut to
# 5 + 5 rows and to the terminal's width; the result's index (repr, tolist, names, get_level_values, `in`),
# to_dict, loc by tuple, reset_index (Series and frames, MultiIndex and flat), groupby([one]), odd labels
# (long, with a tab, int column labels, -0.0, uint8/float32) and errors.
import numpy as np
import pandas as pd

n = 3000
i = np.arange(n)
x = np.sin(i * 0.37) * 1000 + (i % 13) * 0.1
x = np.where(i % 17 == 0, np.nan, x)
names = ["train", "test", "val", "train", "holdout"]
split = [None if k % 23 == 0 else names[k % 5] for k in range(n)]
df = pd.DataFrame({
    "split": split,
    "label": (i * 7) % 3,
    "score": np.where(i % 29 == 0, np.nan, (i % 4) * 0.5 - 0.5),
    "x": x,
    "y": i * 3 - 7000,
    "ok": i % 3 == 0,
})
g = df.groupby(["split", "label"])
for name in ("mean", "sum", "count", "size", "min", "max", "std", "var", "median"):
    print(getattr(g, name)())
print(g["x"].mean())
print(g["x"].sum(), g["y"].sum(), g["ok"].sum(), sep="\n")
print(g.x.std(), g["x"].median(), g["y"].max(), sep="\n")
print(g["x"].agg(["mean", "max", "count", "std"]))
print(g.agg({"x": "sum", "y": "min"}))
print(g["y"].agg("mean"))
print(g.ngroups)
# three keys, a float key with NaN: a frame of more than 60 rows is cut to 5 + 5 rows
g3 = df.groupby(["label", "split", "score"])
print(g3.mean())
print(g3["x"].sum())
print(g3.size())
print(df.groupby(["score", "label"]).x.mean())
print(df.groupby(["label", "score"]).count())
# more than 60 groups: rows cut to 5 + 5 (the tail's first row keeps its labels), a MultiIndex repr of
# more than 100 tuples cut to 10 + 10
d2 = df.copy()
d2["bucket"] = i % 11
big = d2.groupby(["label", "bucket", "split"])
print(big.mean())
print(big["x"].sum())
print(big.size().index)
print(d2.groupby(["bucket", "split"]).size())
print(d2.groupby(["split", "bucket"])["y"].sum().reset_index())
# int keys first, negative ints
f = pd.DataFrame({
    "k": [-1, 22, -1, 3, 22, 3, -1],
    "s": ["a", "bbb", "a", "cc", "a", "cc", "a"],
    "f": [0.5, np.nan, 0.25, 1e7, 2.0, 3.0, 4.0],
    "v": [1, 2, 3, 4, 5, 6, 7],
})
print(f.groupby(["k", "s"]).sum())
print(f.groupby(["s", "k"]).sum())
print(f.groupby(["k", "s"])["v"].sum())
print(f.groupby(["f", "s"])["v"].sum())
print(f.groupby(["s", "f"]).v.sum().index)
print(f.groupby(["k", "s"]).sum().index)
print(f.groupby(["k", "s"]).v.sum().index.tolist())
print(f.groupby(["k", "s"]).mean().to_dict())
print(f.groupby(["k", "s"])["f"].max().to_dict())
# a wide result: columns cut to the terminal's width
w = pd.DataFrame({"a": ["p", "q", "p", "q"] * 5, "b": [1, 1, 2, 2] * 5})
for c in range(14):
    w[f"column_{c}"] = np.arange(20) * (c + 1) * 1234.5678
print(w.groupby(["a", "b"]).mean())
print(w.groupby(["a", "b"]).sum())
# the index of the result
r = g.mean()
print(r.index)
print(r.index.names, r.index.nlevels, len(r.index))
print(r.index.get_level_values(0))
print(r.index.get_level_values("label"))
print(r.index.get_level_values(-1))
print(r.index.tolist())
print(r.index[0], r.index[-1], list(r.index)[:3])
print(("train", 1) in r.index, ("train", 7) in r.index, "val" in r.index, ("val",) in r.index, "nope" in r.index)
print(r.index.dtype, r.shape, r.columns.tolist())
print(g3.size().index)
print(r.loc[("train", 1)])
print(r.loc[("val", 2), "x"], r.loc[("test", 0)]["y"])
print(g["x"].mean()[("holdout", 2)], g["x"].mean().loc[("holdout", 0)])
print(r.head(3), r.tail(2), r.iloc[1:3], sep="\n")
print(r[r["y"] > 0])
print(r.sort_values("x"))
print(r["x"])
print(r.reset_index())
print(g["x"].sum().reset_index())
print(g.size().reset_index())
print(g.size().reset_index(name="count"))
print(g3.size().reset_index(drop=True))
print(r.reset_index(drop=True))
print(g["y"].max().reset_index().dtypes)
# groupby with a list of one column: an ordinary Index
print(df.groupby(["split"]).mean())
print(df.groupby(["label"])["x"].sum().index)
print(df.groupby("label")["x"].sum().reset_index())
print(df.groupby(["split"]).size().reset_index())
print(pd.Series([1, 2], index=[-1, 22]))
print(pd.DataFrame({"v": [1.5, 2]}, index=[-1, 22]))
# labels longer than display.max_colwidth, a tab (shown escaped, in cells too), int column labels as
# keys, -0.0 and 0.0 as one key, big ints, uint8 and float32 keys
long = "a" * 60
t = pd.DataFrame({"k": [long, "b", long, "tab\tx"], "j": [1, 2, 3, 4], "v": [1.5, 2.5, 3.5, 4.5]})
print(t.groupby(["k", "j"]).sum())
print(t.groupby(["k", "j"]).v.sum())
print(t.groupby(["k", "j"]).v.sum().index)
print(t.groupby(["j", "k"]).sum())
print(pd.Series(["v\tw"], index=["tab\tx"]))
d0 = pd.DataFrame({0: ["x", "y", "x"], 1: [1, 1, 2], 2: [0.5, 1.5, 2.5]})
print(d0.groupby([0, 1]).sum())
print(d0.groupby([0, 1])[2].sum())
print(d0.groupby([0, 1]).sum().index)
print(d0.groupby([0, 1]).sum().reset_index())
d3 = pd.DataFrame({"a": [1.0, 2.0, 1.0, -0.0, 0.0], "b": [10**12, 1, 10**12, 5, 5], "v": [1, 2, 3, 4, 5]})
print(d3.groupby(["a", "b"]).sum())
print(d3.groupby(["b", "a"]).v.sum())
print(d3.groupby(["a", "b"]).sum().index)
d4 = pd.DataFrame({"a": np.array([1, 2, 1], dtype=np.uint8), "b": np.array([1.5, 2.5, 1.5], dtype=np.float32), "v": [1, 2, 3]})
print(d4.groupby(["a", "b"]).sum())
print(d4.groupby(["a", "b"]).sum().index)
print(d4.groupby(["a", "b"]).sum().reset_index().dtypes)
# errors pandas raises
for bad in (lambda: df.groupby(["split", "nope"]), lambda: r.loc[("train", 9)], lambda: df.groupby([])):
    try:
        print(bad())
    except (KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(g.x.sum().reset_index().reset_index().columns.tolist())
try:
    print(g["label"].count().reset_index())
except ValueError as e:
    print("ValueError:", e)
