# to_string(): every row (and for a frame every column, cells uncut), no footer; its options are refused by name.
import numpy as np
import pandas as pd
s = pd.Series(np.arange(70) * 1.5, name="v")
print(s.to_string())
print(repr(pd.Series([], dtype=float).to_string()))
print(pd.Series(["a" * 70, "b"]).to_string())
df = pd.DataFrame({"a": np.arange(65), "t": ["x" * 60] * 65})
print(df.to_string())
wide = pd.DataFrame(np.arange(40).reshape(2, 20))
print(wide.to_string())
print(repr(pd.DataFrame().to_string()))
print(pd.Series([1, 2], index=pd.Index(["x", "y"], name="k")).to_string())
print(pd.DataFrame({"a": [1]}, index=pd.Index(["x"], name="k")).to_string())
