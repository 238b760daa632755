# dtype=object keeps the items as given (None stays None beside NaN); without it pandas infers float64 or str.
import numpy as np
import pandas as pd
print(pd.Series([np.nan, None], dtype=object))
print(pd.Series((None, 1, "a", 2.5), dtype="object"))
print(pd.Series([1, 2], dtype="O").tolist())
print(pd.Series([np.nan, None]))
print(pd.Series(["a", None]))
print(pd.Series([None, "a"], dtype=object).isna().tolist())
print(pd.Series([True, None], dtype=object))
print(pd.Series([None, None]))
print(pd.Series(np.array([1.0, np.nan]), dtype=object))
