# numpy's functions on decoded artifacts, mixed with arrays made in the script (#15): ufuncs on a Series
# give a Series, an artifact column divided by a script-made array, the statistics, dot/@ and
# histogram of artifact arrays, N-d indexing of a 2-D artifact.
from metaflow import Flow
import numpy as np

data = Flow('AnalysisFlow').latest_run['start'].task.data
df, X, y, history = data.frame, data.X, data.y, data.history
score, loss, weight = df["score"], df["loss"], df["weight"]
print(np.sqrt(weight).head(), np.log(weight).tail(3), np.isnan(score).sum(), np.abs(data.nan_series), np.exp(data.hourly).head(3))
print(np.round(weight, 1).head(3), np.cumsum(weight).tail(2), np.maximum(weight, 1.0).head(3), np.clip(score, 0.5, 0.9).head(3))
print(np.mean(score), np.nanmean(score), np.nanstd(score), np.nanmedian(score), np.median(weight), np.percentile(weight, [5, 50, 95]))
print(np.quantile(loss, 0.9), np.nanmax(score), np.nanargmin(score), np.sum(df["epoch"]), np.median(df["latency_ms"]))
made = np.linspace(1.0, 2.0, len(weight))
print((weight / made).head(), (made / weight).tail(2), (weight.values / made)[:4], np.dot(weight.values, made))
print(repr((X @ np.arange(6.0))[:3]), repr((X[:5] @ X[:5].T)[0]), repr(np.dot(X[0], X[1])), repr(X.T @ y.astype(float)))
print(np.histogram(weight, bins=5), np.histogram(history, bins=[-1, 0, 0.5, 1]), repr(np.bincount(df["epoch"].values)))
print(repr(np.corrcoef(X[:, 0], X[:, 1])), repr(np.percentile(X, 75, axis=0)), repr(np.median(X, axis=1)[:4]))
print(repr(X[[0, 5, 9], 2]), repr(X[y][:2]), repr(X[:3, [0, -1]]), repr(X[None, 0].shape), repr(X[..., 1][:3]), repr(X[y, 0][:4]))
print(repr(X.mean(axis=0, keepdims=True)), repr(np.nansum(history)), repr(history[history > 0][:3]), repr(np.argsort(history)[:5]))
