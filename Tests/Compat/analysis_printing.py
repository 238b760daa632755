# pandas printing from a script (stdout not a terminal: 80 columns) of every column dtype the decoder
# reads: the 50,000-row AnalysisFlow frame cut both ways (rows and columns), cut one way only,
# fitting whole, empty; each column as a Series (short and long), dtypes, NaN.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
print(df)
print(df.head())
print(df.tail(3))
print(df[60:121])
print(df[["id", "score", "loss", "correct"]].head(61))
print(df[["split", "label", "seen_at", "epoch", "weight", "latency_ms"]].head())
print(df[["id", "split", "label", "score", "loss", "correct", "epoch", "seen_at"]].tail(4))
print(df.head(0))
for name in df.columns:
    print(df[name].head())
    print(df[name])
print(df["label"].head(0))
print(df["label"].dtype, repr(df["label"].dtype), df["label"].dtype == "category")
print(df.dtypes)
print(data.nan_series)
print(df[df["correct"]].head(3))
print(df.sort_values("score").head(3))
print(df[["label", "score"]].sort_values("score").head(3))
