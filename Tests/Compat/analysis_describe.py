# describe, quantile, missing values (isna/fillna/dropna), Series.iloc/loc, round, itertuples and
# to_csv on the realistic frame of AnalysisFlow (#15: "describe() does not exist", fillna/dropna,
# itertuples, to_csv were missing).
from metaflow import Flow
import pandas as pd

data = Flow('AnalysisFlow').latest_run['start'].task.data
df, s = data.frame, data.nan_series
print(df.describe())
print(df.describe(include="all"))
print(df.describe(percentiles=[0.05, 0.333, 0.95]).loc["33.3%"])
for name in ("score", "loss", "epoch", "correct", "split", "label", "seen_at", "annotator"):
    print(df[name].describe())
print(s.describe(), df[["split", "annotator"]].describe(), sep="\n")
print(repr(df["score"].quantile(0.3)), repr(df["loss"].quantile(0.9)), repr(df["epoch"].quantile(0.25)), df["seen_at"].quantile(0.5))
print(df["score"].quantile([0.1, 0.5, 0.99]), df["seen_at"].quantile([0.1, 0.5]), sep="\n")
print(df.isna().sum(), df.notna().sum().sum(), s.isna().tolist(), s.notnull().tolist())
print(s.fillna(0), s.fillna(-1.5).sum(), s.fillna("none").tolist(), s.dropna(), s.dropna(ignore_index=True), sep="\n")
print(df["score"].fillna(df["score"].mean()).mean(), df.dropna().shape, df.dropna(subset=["score"]).shape, df.dropna(how="all").shape)
head = df.head(40)
print(head.fillna({"score": 0.0}).loc[25:30, ["id", "score"]])
print(head.dropna(thresh=11).index.tolist())
print(df["score"].iloc[3], df["score"].iloc[-1], df["score"].iloc[10:14], df["split"].iloc[[0, 5, 9]], df["id"].loc[7], sep="\n")
print(df["score"].head(30).loc[20:24], df["score"].head(8).iloc[df["score"].head(8).to_numpy() > 0.7], sep="\n")
print(df[["score", "weight", "loss", "id"]].head().round(1), df[["score", "weight"]].head(3).round({"weight": 0}), sep="\n")
for row in df.head(3).itertuples():
    print(row)
print(list(df[["id", "split"]].head(2).itertuples(index=False)), list(df[["id", "split"]].head(2).itertuples(name=None)))
r = next(df.head(1).itertuples())
print(r.Index, r.split, r.seen_at, r[4], len(r), r._fields[:3])
print(df.head(4).to_csv(), end="")
print(df.head(4).to_csv(index=False, sep=";", columns=["id", "score", "seen_at"]), end="")
print(df.iloc[20:30][["id", "score"]].to_csv(na_rep="NA", header=False), end="")
print(s.to_csv(), end="")
print(data.notes.to_csv(), end="")
lookup = pd.DataFrame({"split": ["train", "val"], "weight_of_split": [1, 2]})
joined = df.head(12).merge(lookup, on="split", how="left")
print(joined[["id", "split", "label", "weight_of_split"]], pd.merge(df, lookup, on="split").shape, joined.dtypes, sep="\n")
for bad in (lambda: s.fillna(), lambda: df.dropna(how="any", thresh=2), lambda: df.dropna(subset=["nope"]),
            lambda: df["split"].fillna(3), lambda: df.describe(include=["number"]), lambda: s.iloc[99],
            lambda: df["split"].quantile(0.5), lambda: df["id"].loc[-1], lambda: df.dropna(how="some")):
    try:
        print(bad())
    except (TypeError, ValueError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
