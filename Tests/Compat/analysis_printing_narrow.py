# compat-env: COLUMNS=30
# A terminal narrower than a frame's index plus two columns: pandas still shows two columns.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
print(data.frame)
print(data.frame[["id", "score", "loss"]].head(3))
print(data.very_wide)
print(data.per_sample.head(3))
