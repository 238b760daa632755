# pandas' integer // and % by zero: float64 with ±inf/NaN (numpy's 0 was a wrong answer), Series by Series and reflected.
import numpy as np
import pandas as pd
s = pd.Series([-3, 0, 7], name="v")
print(s // 0, s % 0, s // pd.Series([0, 2, -2]), s % pd.Series([0, 2, -2]))
print(5 // s, 5 % s, s // 2, s % 3, s / 0)
print(s // s, (s * 0) % s)
