# groupby on one column: mean/sum/count/size/min/max/std/var/median and agg (name, list, dict) on the
# whole frame and on a selected column, over a deterministic 5,000-row frame with NaN, int, bool and
# string columns; keys are strings, ints and floats (NaN keys dropped); results sorted by key and
# printed as pandas prints them. Float results must be bit-identical (pandas' Kahan sums, Welford var).
import numpy as np
import pandas as pd

n = 5000
i = np.arange(n)
x = np.sin(i * 0.37) * 1000 + (i % 13) * 0.1
x = np.where(i % 17 == 0, np.nan, x)
df = pd.DataFrame({
    "split": np.array(["train", "test", "val", "train", "holdout"])[i % 5],
    "bucket": (i * 7) % 4,
    "x": x,
    "y": i * 3 - 7000,
    "ok": i % 3 == 0,
})
g = df.groupby("split")
print(g.mean())
print(g.sum())
print(g.count())
print(g.size())
print(g.min())
print(g.max())
print(g["x"].mean())
print(g["x"].std(), g["x"].var())
print(g["x"].median(), g["y"].median())
print(g["y"].sum(), g["ok"].sum(), g["ok"].mean())
print(df.groupby("bucket")["x"].agg(["mean", "min", "max", "count"]))
print(df.groupby("bucket").agg({"x": "sum", "y": "max"}))
print(df.groupby("bucket").x.agg("mean").tolist())
print(df.groupby(["bucket"])["split"].max(), df.groupby("bucket")["split"].size())
for k, v in df.groupby("split")["x"].mean().items():
    print(k, repr(v))
print([repr(v) for v in df.groupby("bucket")["x"].sum().tolist()])
f = pd.DataFrame({"key": [1.5, np.nan, 0.5, 1.5, 0.5], "v": [1.0, 2.0, np.nan, 4.0, np.nan]})
print(f.groupby("key").mean(), f.groupby("key")["v"].count(), f.groupby("key").size())
try:
    df.groupby("nope")
except KeyError as e:
    print("KeyError:", e)
for name in ("mean", "std", "median"):
    try:
        getattr(df.groupby("bucket"), name)()
    except TypeError as e:
        print("TypeError:", e)
print(df.groupby("split").mean(numeric_only=True))
