# merge(sort=True) orders the rows by the join keys for every how (outer always does), NaN keys last,
# each key's rows in join order; count(numeric_only=True) drops the other columns as the other
# reductions do; set_index(verify_integrity=True) raises on repeated labels (pandas warns that the
# keyword is deprecated: the last stderr line is written at the end so both runs end alike).
import sys
import numpy as np
import pandas as pd

l = pd.DataFrame({"k": [3, 1, None, 2, 1, 5], "v": list("abcdef")})
r = pd.DataFrame({"k": [2, 1, 4, None, 3, 1], "w": [10, 20, 30, 40, 50, 60]})
for how in ["inner", "left", "right", "outer"]:
    print(how)
    print(l.merge(r, on="k", how=how, sort=True))
    print(l.merge(r, on="k", how=how, sort=False))
s1 = pd.DataFrame({"a": ["x", "y", "x", "z"], "b": [2, 1, 1, 0], "v": range(4)})
s2 = pd.DataFrame({"a": ["z", "x", "x", "y"], "b": [0, 1, 2, 1], "w": range(4)})
print(pd.merge(s1, s2, on=["a", "b"], sort=True), pd.merge(s1, s2, on="a", sort=True), sep="\n")
print(pd.merge(s1, s2, left_on="b", right_on="b", how="left", sort=True))
df = pd.DataFrame({"g": ["a", "b", "a", "b", "c"], "x": [1.0, 2.0, None, 4.0, 5], "y": [4, 3, 2, 1, 0], "t": [True] * 5})
print(df.count(numeric_only=True), df.count(), df.count(numeric_only=False), sep="\n")
for key in ["g", "y", "x"]:
    try:
        print(df.set_index(key, verify_integrity=True))
    except ValueError as e:
        print("ValueError", e)
sys.stderr.write("done\n")
