# Reductions of Series with missing values, as pandas computes them (#15: NaN used to poison mean/sum/
# std/min/max): skipna, min_count, ddof, float32, int32, bool, datetime and string columns, and the
# errors pandas raises for what it cannot reduce.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
df, s = data.frame, data.nan_series
print(s.mean(), s.sum(), s.std(), s.var(), s.min(), s.max(), s.median(), s.count())
print(repr(s.mean()), repr(s.sum()), repr(s.std(ddof=0)), repr(s.max()), repr(s.median()))
print(repr(s.sum(skipna=False)), repr(s.mean(skipna=False)), repr(s.max(skipna=False)), repr(s.sum(min_count=4)), repr(s.sum(min_count=3)))
score = df["score"]
print(score.mean(), score.std(), score.var(ddof=0), score.min(), score.max(), score.sum(), score.median(), score.count())
print(repr(df["loss"].mean()), repr(df["loss"].std()), repr(df["loss"].sum()), repr(df["loss"].max()), repr(df["loss"].median()))
print(repr(df["epoch"].mean()), repr(df["epoch"].sum()), repr(df["epoch"].std()), repr(df["epoch"].max()), repr(df["epoch"].median()))
print(repr(df["correct"].sum()), repr(df["correct"].mean()), repr(df["latency_ms"].mean()), repr(df["weight"].var()))
print(df["seen_at"].min(), df["seen_at"].max(), df["seen_at"].median(), repr(df["seen_at"].mean()))
print(df["split"].max(), df["split"].min(), df["annotator"].max(), repr(df["annotator"].min()))
print(df[df["split"] == "val"]["score"].mean(), df[df["label"] == "cat"]["loss"].std())
print(score.mean(axis=0), score.sum(axis="index"), score.std(skipna=True))
for bad in (lambda: df["split"].mean(), lambda: df["label"].mean(), lambda: df["label"].max(),
            lambda: score.mean(axis=1), lambda: score.sum(foo=1), lambda: df["seen_at"].sum()):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
