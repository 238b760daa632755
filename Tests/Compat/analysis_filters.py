# Filtering a realistic 50,000-row evaluation table the way people do: comparisons of str, object,
# categorical, bool and datetime columns with scalars and with each other, masks combined with & | ~,
# boolean selection, value_counts with its options (#15: `series == "text"` used to give one False).
from metaflow import Flow

df = Flow('AnalysisFlow').latest_run['start'].task.data.frame
test = df["split"] == "test"
print(type(test).__name__, test.dtype, len(test), test.sum(), test.head(3).tolist())
print(("val" == df["split"]).sum(), (df["split"] != "train").sum(), (df["split"] < "train").sum(), (df["split"] >= "val").sum())
print(df[df["split"] == "val"].shape, df[(df["split"] == "test") & df["correct"]].shape)
print(df[(df["split"] == "test") | (df["label"] == "cat")].shape, df[~df["correct"]].shape, (~df["correct"]).sum())
print((df["label"] == "cat").sum(), (df["label"] != "dog").sum(), ("fish" == df["label"]).sum(), (df["annotator"] == "bob").sum())
print((df["score"] > 0.9).sum(), (df["score"] == df["score"]).sum(), (df["score"] != df["score"]).sum())
print((df["split"] == df["split"]).all(), (df["annotator"] == df["split"]).sum(), (df["split"] == 3).sum())
print((df["seen_at"] > "2024-03-10").sum(), (df["seen_at"] <= "2024-03-02 12:00:00").sum(), (df["seen_at"] == df["seen_at"].min()).sum())
late = df[(df["seen_at"] >= "2024-03-15") & (df["split"] == "test") & ~df["correct"]]
print(late.shape, late["id"].head(5).tolist(), late["seen_at"].min())
print(df[df["epoch"] == 3]["label"].value_counts())
print(df["split"].value_counts(normalize=True))
print(df["split"].value_counts(ascending=True))
print(df["split"].value_counts(sort=False))
print(df["annotator"].value_counts(normalize=True, ascending=True))
print(df["score"].value_counts(dropna=False).head(4))
print(df["score"].value_counts().head(3), df["score"].nunique(), df["score"].nunique(dropna=False))
try:
    df["label"] < "cat"
except TypeError as e:
    print("TypeError:", e)
