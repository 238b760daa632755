# DataFrame.nlargest/nsmallest by one column (ties in order of appearance, NaN rows never picked, n
# larger than the frame, a one-column list) next to Series.nlargest/nsmallest, and the errors.
import numpy as np
import pandas as pd

df = pd.DataFrame({"i": [3, 1, 4, 1, 5, 9, 2], "f": [np.nan, 2.5, 1.0, 2.5, np.nan, -1.0, 7.0], "b": [True, False, True, True, False, True, False],
                   "s": list("abcdefg")}, index=list("pqrstuv"))
print(df.nlargest(3, "i"), df.nsmallest(2, "i"), df.nlargest(10, "f"), df.nsmallest(3, columns=["f"]), sep="\n")
print(df.nlargest(2, "b"), df.nsmallest(0, "i"), df.head(0).nlargest(3, "i"), sep="\n")
print(df["f"].nlargest(2), df["i"].nsmallest(3), pd.Series([], dtype=float).nlargest(), sep="\n")
for bad in (lambda: df.nlargest(2, "zz")):
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
df.nlargest(2, "s")
