# Multi-key groupby on real artifacts (#15): MultiIndex results printed as pandas, named aggregation, reset_index, unstack.
from metaflow import Flow
data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
r = df.groupby(["split", "correct"])["score"].mean()
print(r)
print(df.groupby(["split", "epoch"]).size().head(12))
print(df.groupby(["split", "correct"]).agg(n=("id", "count"), mean_loss=("loss", "mean")))
print(r.reset_index().head())
print(df.groupby(["split", "correct"])[["score", "weight"]].median())
print(r.unstack())
