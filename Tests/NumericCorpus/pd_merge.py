# pd.merge / DataFrame.merge on columns: inner, left, right and outer joins with their row orders,
# duplicate keys (every pair), missing keys matching each other, several key columns, left_on/right_on,
# suffixes, and the dtype promotions pandas makes for unmatched rows (int to float64, bool to object).
import numpy as np
import pandas as pd

runs = pd.DataFrame({
    "run": [3, 1, 2, 5, 1],
    "split": ["val", "train", "test", "train", None],
    "acc": [0.81, 0.75, 0.79, 0.9, 0.7],
    "ok": [True, False, True, True, False],
})
meta = pd.DataFrame({
    "run": [1, 2, 4, 1],
    "owner": ["ann", "bob", "cy", "dee"],
    "epochs": [10, 20, 30, 40],
    "acc": [0.5, 0.6, 0.7, 0.8],
})
for how in ("inner", "left", "right", "outer"):
    print(how)
    print(pd.merge(runs, meta, on="run", how=how))
print(runs.merge(meta, on="run", suffixes=("_run", "_meta")))
print(runs.merge(meta[["run", "owner"]]))
print(pd.merge(runs, meta, left_on="run", right_on="epochs", how="left"))
labels = pd.DataFrame({"split": ["train", "test", None], "weight": [1.0, 2.0, 3.0]})
print(pd.merge(runs, labels, on="split", how="outer"))
two = pd.DataFrame({"run": [1, 1, 2], "split": ["train", None, "test"], "note": ["a", "b", "c"]})
print(pd.merge(runs, two, on=["run", "split"], how="left"))
print(pd.merge(runs, two, on=["run", "split"]).dtypes)
print(pd.merge(runs, meta, on="run", how="left").dtypes)
for bad in (lambda: pd.merge(runs, meta, on="nope"), lambda: pd.merge(runs, meta, how="cross2"),
            lambda: pd.merge(runs, meta, on="run", left_on="run"), lambda: pd.merge(runs, pd.DataFrame({"z": [1]}))):
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
# Keys of numbers and text do not match: pandas' ValueError, never an empty frame; keys of other
# different dtypes (bool and int, str and object) match as objects and come out as object.
keys = {"int": [1, 2], "float": [1.0, np.nan], "bool": [True, False], "str": ["1", "a"], "obj": [1, "a"]}
for a in keys:
    for b in keys:
        try:
            m = pd.merge(pd.DataFrame({"k": keys[a]}), pd.DataFrame({"k": keys[b], "z": [5, 6]}), on="k", how="outer" if a == b else "inner")
            print(a, b, len(m), m.k.dtype, m.k.tolist())
        except ValueError as e:
            print(a, b, "ValueError:", e)
try:
    pd.merge(pd.DataFrame({"a": [1]}), pd.DataFrame({"b": ["1"]}), left_on="a", right_on="b", how="left")
except ValueError as e:
    print("ValueError:", e)
