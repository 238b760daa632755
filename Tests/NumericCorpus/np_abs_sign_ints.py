# np.abs / np.absolute / np.sign on integer arrays are computed on the integers (numpy wraps
# abs(INT64_MIN) to itself; values past 2**53 keep every digit), sign of -0.0 is +0.0, NaN stays NaN;
# and pandas' astype(int) of NaN or inf is IntCastingNaNError (numpy's cast gives INT64_MIN).
import numpy as np
import pandas as pd

big = np.array([-9223372036854775808, -(2**53) - 1, 2**53 + 1, -7, 0, 9223372036854775807])
print(repr(np.abs(big)), repr(np.absolute(big)), repr(np.sign(big)))
print(repr(np.abs(np.array([-128, 127, -5], dtype=np.int8))), repr(np.sign(np.array([-3, 0, 4], dtype=np.int16))))
print(repr(np.sign(np.array([-2.0, -0.0, 0.0, 3.5, np.nan, -np.inf]))), repr(np.abs(np.array([-0.0, -1.5]))))
print(pd.Series([-(2**53) - 1, 3]).abs().tolist(), np.abs(pd.Series([-(2**53) - 1, 3])).tolist())
for values in ([1.5, None, 2.0], [1.0, np.inf], [1.0, -np.inf]):
    try:
        print(pd.Series(values).astype(int))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    pd.DataFrame({"a": [1, 2], "b": [0.5, np.nan]}).astype(int)
except ValueError as e:
    print(type(e).__name__, e)
print(pd.Series([1.9, -1.9]).astype(int), pd.DataFrame({"b": [0.5, 2.5]}).astype("int32"))
