# numpy rounds a float32 in float32 (2.675 is 267.5 after * 100 there: 2.68, where float64 gives
# 2.67), for scalars, arrays and Series alike; abs() of numpy scalars, arrays and Series is numpy's
# absolute (int8(-128) wraps; numpy warns on stderr, so the last stderr line is written at the end).
import sys
import numpy as np
import pandas as pd

for v in [2.675, 1.005, 0.125, 2.5, -2.675, 1234.5678, 0.285, 1.115]:
    print(repr(round(np.float32(v), 2)), repr(np.round(np.array([v], dtype=np.float32), 2)), repr(np.float32(v).round(1)),
          repr(round(np.float32(v))), repr(np.round(np.float32(v), -1)), repr(round(np.float64(v), 2)), repr(np.around(np.array([v]), 2)))
print(pd.Series([2.675, 1.115], dtype="float32").round(2), pd.DataFrame({"f": np.array([0.285, 2.675], dtype=np.float32)}).round(2), sep="\n")
for v in [np.int64(-5), np.float64(-1.5), np.int8(-3), np.int8(-128), np.uint8(3), np.float32(-0.5), np.bool_(True),
          np.int64(-9223372036854775808), np.float64(-0.0), np.float64(np.nan)]:
    print(repr(abs(v)))
print(repr(abs(np.array([-1.5, 2]))), repr(abs(np.array([[-1, 2]], dtype=np.int16))), abs(pd.Series([-1, 2])).tolist(), abs(pd.Series([-0.5])).tolist())
x, y = np.float64(0.1), np.float64(0.3)
print(abs(x - y) < 0.25, repr(abs(x - y)))
sys.stderr.write("done\n")
