# describe/quantile/fillna/dropna/isna/round/itertuples/to_csv on frames made in the script: edge cases
# the artifact does not have (empty and all-missing columns, ties for top, None in object columns,
# quoting in CSV, float32 precision in CSV, percentiles formatted with decimals).
import numpy as np
import pandas as pd

df = pd.DataFrame({
    "a": [1.5, np.nan, 3.25, -4.0, np.nan, 1e-7],
    "b": [1, 2, 3, 4, 5, 6],
    "c": ["x", None, "y", "x", "z", "y"],
    "d": [True, False, True, True, False, False],
    "e": np.array([0.1, 0.2, np.nan, 0.4, 0.5, 0.6], dtype=np.float32),
    "f": [np.nan] * 6,
})
print(df.describe())
print(df.describe(include="all"))
print(df.describe(percentiles=[0.01, 0.02, 0.5, 0.666666, 0.9999]))
print(df[["c", "d"]].describe())
print(df["c"].describe(), df["d"].describe(), df["f"].describe(), df["e"].describe(), sep="\n")
print(pd.Series(["p", "q", "q", "p"]).describe())
print(pd.Series([3, 1, 2]).quantile([0, 0.5, 1]), repr(pd.Series([3, 1, 2]).quantile()), repr(df["a"].quantile(0.75)))
print(repr(df["f"].quantile(0.5)), df["e"].quantile([0.25, 0.5]))
print(df.isna(), df.notna().sum(), df["c"].isnull().tolist(), sep="\n")
print(df[["a", "b", "d", "e", "f"]].fillna(0), df.fillna({"a": -1, "c": "?"}), df[["c"]].fillna("missing"), sep="\n")
print(df["a"].fillna(7), df["e"].fillna(1), df["c"].fillna("none").tolist(), sep="\n")
print(df.dropna(), df.dropna(how="all"), df[["a", "b", "c", "d", "e"]].dropna(), sep="\n")
print(df.dropna(subset=["a", "c"]), df.dropna(thresh=5), df["a"].dropna(), sep="\n")
print(df.round(2), df.round({"a": 0, "e": 1}), df[["a", "e"]].round(), sep="\n")
s = pd.Series([10.5, 20.25, 30.125], index=["r", "s", "t"], name="v")
print(s.iloc[0], s.iloc[-1], s.iloc[1:], s.loc["s"], s.loc["s":"t"], s.loc[["t", "r"]], s.iloc[[2, 0]], sep="\n")
for row in df.itertuples():
    print(row)
print(list(pd.DataFrame({"my col": [1], "class": [2], "_x": [3], "ok": [4]}).itertuples()))
print(list(df[["b", "c"]].itertuples(index=False, name="Row")))
q = pd.DataFrame({"text": ['he said "hi"', "a,b", "line\nbreak", ""], "n": [1.0, np.nan, 2.5, 1e20]})
print(q.to_csv(), end="")
print(q.to_csv(na_rep="-", index=False), end="")
print(df.to_csv(), end="")
print(pd.DataFrame({"t": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02")]}).to_csv(), end="")
print(pd.DataFrame({"t": [pd.Timestamp("2024-01-01 10:00:00.5"), pd.NaT]}).to_csv(), end="")
print(pd.Series([1, 2], name="k").to_csv(), pd.Series([1.5]).to_csv(index=False), sep="", end="")
for bad in (lambda: pd.DataFrame({"a": [1]}).describe(include=["category"]), lambda: df.describe(percentiles=[1.5]),
            lambda: df.describe(percentiles=[0.5, 0.5]), lambda: df.fillna(), lambda: s.iloc[3], lambda: s.loc["zz"],
            lambda: df.dropna(axis=2)):
    try:
        print(bad())
    except (TypeError, ValueError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
