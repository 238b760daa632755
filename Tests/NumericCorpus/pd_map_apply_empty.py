# map/apply on an empty Series (a filter that kept no row): with a function pandas keeps the dtype,
# with a dict or Series the mapping's values give it (a str column: str for text, else object); then
# the usual reductions over the result.
import pandas as pd

df = pd.DataFrame({"split": ["train", "test"], "score": [0.5, 0.7], "n": [1, 2], "ok": [True, False]})
none = df[df.score > 1]
for name in ["split", "score", "n", "ok"]:
    s = none[name]
    print(name, s.apply(lambda v: v).dtype, s.map(lambda v: v).dtype, s.map({1: 2}).dtype, s.map(str).dtype,
          s.apply(str).dtype, s.map({1: "x"}).dtype, s.map(pd.Series([1.5])).dtype)
    print(s.map({"a": 1.5}), s.apply(len) if name == "split" else s.apply(abs), s.map({"train": "T"}), sep="\n")
print(pd.Series([], dtype=object).map(lambda v: v).dtype, none.score.apply(lambda v: v * 2).sum(), none.n.map(lambda v: v + 1).max())
