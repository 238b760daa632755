# Repeated index labels: loc/[] select every row of the label (it gave the first only: a wrong answer), label lists, s[[...]].
import pandas as pd
df = pd.DataFrame({"k": ["a", "b", "a"], "n": [1, 2, 3]}).set_index("k")
print(df.loc["a"])
print(df.loc["b"])
s = df["n"]
print(s.loc["a"])
print(s["a"])
print(s["b"])
print(df.loc["a", "n"])
print(df.loc["b", "n"])
print(s.loc["b"])
t = pd.Series([1.5, 2.5, 3.5], index=[10, 20, 10])
print(t[10], t.loc[20], t.loc[10])
df = pd.DataFrame({"k": ["a", "b", "a"], "n": [1, 2, 3]}).set_index("k")
for f in [lambda: df.loc[["a", "b"]], lambda: df["n"].loc[["b", "a"]], lambda: df["n"][["a"]], lambda: df.loc[["b"], "n"]]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
u = pd.Series([1, 2], index=["x", "y"]); print(u[["y", "x"]], pd.Series([5, 6, 7])[[2, 0]])
