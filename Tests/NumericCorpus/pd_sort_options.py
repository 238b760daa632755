# sort_values/sort_index honour na_position and ignore_index (na_position was ignored: NaN rows
# stayed last), accept kind=, and refuse by name what mfsh does not do (key=, inplace=True).
import numpy as np
import pandas as pd
df = pd.DataFrame({"g": ["a", "b", "a", "c", "b"], "x": [1.0, -2.5, np.nan, 3.0, np.nan], "k": [5, 4, 3, 2, 1]})
print(df.sort_values(by="x", na_position="first"))
print(df.sort_values(["g", "x"], ascending=[True, False], na_position="first"))
print(df.sort_values("k", ignore_index=True, kind="stable"))
s = df.set_index("g")["x"]
print(s.sort_values(na_position="first", ascending=False))
print(s.sort_values(ignore_index=True))
print(s.sort_index(ascending=False, kind="mergesort"))
print(pd.Series([2.0, np.nan, 1.0], index=[3, 1, 2]).sort_index(na_position="first"))
for f in [lambda: df.sort_values("x", na_position="middle"), lambda: s.sort_values(False), lambda: df.sort_values("x", foo=1),
          lambda: s.sort_values(axis=0).tolist()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
