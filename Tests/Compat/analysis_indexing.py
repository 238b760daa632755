# Indexing as analyses do it (#15: iloc with column slices raised, 2-D arrays refused 1-D masks, std/var
# took no axis): iloc/loc with row and column selections, boolean and integer-array indexing of 2-D
# arrays, reductions along an axis.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
df, X, y = data.frame, data.X, data.y
print(df.iloc[2:5, :3])
print(df.iloc[3, :4])
print(df.iloc[[0, 2], [1, 3]])
print(df.iloc[:3, -2:])
print(df.loc[2:4, "split":"score"])
print(df.loc[5, ["id", "label"]])
print(df.loc[df["split"] == "test", ["id", "score"]].head(3))
print(X[y].shape, X[~y].shape, repr(X[y][:2]))
print(repr(X[[1, 3]]), X[y][:, 2].mean())
print(X.std(axis=0), X.var(axis=1)[:3], X.mean(axis=0), X.sum(axis=1)[:4], X.std(ddof=1), X.std())
print(repr(X.std(axis=0)), repr(X.mean(axis=0)), repr(X[:, 0].std()), repr(X.var(axis=0, ddof=1)))
print(repr(X.max(axis=0)), repr(X.min(axis=1)[:3]), repr(X.argmax(axis=0)))
hist = data.history
print(repr(hist.std()), repr(hist[-10:].mean()), hist.argmax(), repr(hist[hist > hist.mean()][:3]))
for bad in (lambda: X[y[:10]], lambda: X.std(axis=2), lambda: df.iloc[2:5, 40]):
    try:
        print(bad())
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
