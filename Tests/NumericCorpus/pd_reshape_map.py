# Frames from frames and element-wise Series methods: copy, drop, rename, select_dtypes, assign,
# set_index/reset_index; map (dict, Series, function, na_action), apply, isin, between, nlargest,
# nsmallest, Series.rename; and pandas' errors for bad labels and arguments.
import numpy as np
import pandas as pd

df = pd.DataFrame({
    "run": [3, 1, 2, 5, 4],
    "split": ["val", "train", "test", "train", None],
    "acc": [0.81, 0.75, np.nan, 0.9, 0.75],
    "ok": [True, False, True, True, False],
    "when": [pd.Timestamp("2024-01-0%d" % d) for d in (1, 2, 3, 4, 5)],
})
c = df.copy()
c["extra"] = 1
print(list(df.columns), list(c.columns))
print(df.drop(columns=["ok"]), df.drop("acc", axis=1), df.drop(index=[0, 2]), df.drop([1, 3]), sep="\n")
print(df.drop(columns=["nope", "ok"], errors="ignore").columns.tolist())
print(df.rename(columns={"acc": "accuracy", "zz": "q"}), df.rename(columns=str.upper).columns.tolist(), df.rename(index={0: "first"}), sep="\n")
print(df.select_dtypes(include="number"), df.select_dtypes(exclude=["number", "bool"]).columns.tolist(), sep="\n")
print(df.assign(err=1 - df["acc"], const=7, twice=lambda d: d["run"] * 2))
print(df.set_index("split"), df.set_index("run", drop=False).loc[2], df.set_index("when").index, sep="\n")
print(df.set_index("split").reset_index(), df.reset_index(), df.iloc[[3, 1]].reset_index(drop=True), sep="\n")
s = df["split"]
print(s.map({"train": 0, "val": 1}), s.map(str.upper, na_action="ignore"), df["run"].map(lambda r: r * 10), sep="\n")
print(df["run"].map(pd.Series(["a", "b", "c"], index=[1, 2, 3])), df["acc"].apply(lambda x: x > 0.8), sep="\n")
print(df["run"].apply(lambda x, k: x + k, args=(100,)), df["when"].map(lambda t: t.day), sep="\n")
print(s.isin(["train", "test"]), df["run"].isin({1, 5}), df["acc"].isin(np.array([0.75])), sep="\n")
print(df["acc"].between(0.75, 0.85), df["run"].between(2, 4, inclusive="neither"), df["when"].between("2024-01-02", "2024-01-04"), sep="\n")
print(df["acc"].nlargest(2), df["acc"].nsmallest(3), df["run"].nlargest(10), sep="\n")
print(df["acc"].rename("accuracy"), df["acc"].copy().name, sep="\n")
for bad in (lambda: df.drop(columns=["nope"]), lambda: df.drop(), lambda: df.set_index("nope"), lambda: s.isin("train"),
            lambda: df["acc"].between(0, 1, inclusive="sometimes"), lambda: df.reset_index().reset_index().reset_index(),
            lambda: df.select_dtypes(), lambda: df.drop("acc", axis=3)):
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
