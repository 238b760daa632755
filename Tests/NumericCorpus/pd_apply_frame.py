# DataFrame.apply: a function of each column (axis=0) or each row (axis=1, the row as a Series), its
# scalar results one Series labelled by the columns or the index; args= passed on; pandas' axis error.
import numpy as np
import pandas as pd
df = pd.DataFrame({"split": ["train", "test", "train"], "score": [0.9, np.nan, 0.75], "n": [3, 1, 4]}, index=["a", "b", "c"])
print(df.apply(lambda r: r["n"] * 2, axis=1))
print(df.apply(lambda r: f"{r['split']}:{r['n']}", axis="columns"))
print(df.apply(lambda r: r["score"] > 0.8, axis=1))
print(df[["score", "n"]].apply(lambda c: c.sum()))
print(df[["score", "n"]].apply(np.max))
print(df.apply(len))
print(df.apply(lambda r, k: r["n"] + k, axis=1, args=(10,)).tolist())
print(df.apply(lambda r: r.n / 2 if r.split == "train" else None, axis=1))
try:
    df.apply(len, axis=2)
except Exception as e:
    print(type(e).__name__, e)
for i, row in df.iterrows():
    print(i, row.split, row.n, row.score)
s = pd.Series([1, 2], index=["alpha", "beta"])
print(s.alpha, s.beta)
try:
    print(s.gamma)
except AttributeError as e:
    print("AttributeError", e)
text = pd.DataFrame({"v": ["1.5", None], "w": ["a", "b"]})
print(text.iloc[1])
print(text.apply(lambda r: r.v, axis=1))
