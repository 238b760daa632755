# Decoded frames and arrays as users probe them (#15): dtype objects (df.dtypes, == np.float32),
# astype with a dict and to str, idxmax/idxmin skipping NaN, np.sort along an axis, ndarray.dot,
# integer floor division, and Python loops over decoded float32 values.
from metaflow import Flow
import numpy as np

data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
print(df.dtypes.tolist())
print(df["label"].dtype, repr(df["label"].dtype))
print(df["seen_at"].dtype, repr(df["seen_at"].dtype), df["loss"].dtype == np.float32)
print(df["score"].idxmax(), df["loss"].idxmin())
print(df.astype({"epoch": "int64"}).dtypes["epoch"])
print(df[["score", "loss", "weight"]].astype(str).head(3))
print(np.sort(data.X[:3], axis=0))
print(np.sort(data.X[:3]))
print(data.X[:2].dot(np.ones(6)))
print((df["epoch"] // 2).head(3))
print(df.loc[:4, "score"].to_numpy().astype(np.float32))
print(df["loss"].to_numpy()[:4], df["loss"].head(3).tolist())
print([type(x).__name__ for x in df["loss"].to_numpy()[:2]], sum(x * 2 for x in df["loss"].to_numpy()[:1000]))
print(data.history.dtype == np.float64, data.y.dtype == bool, data.X.dtype == "float64")
