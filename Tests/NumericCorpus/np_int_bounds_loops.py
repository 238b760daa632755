# numpy 2 refuses a Python int out of an integer dtype's range at creation (np.array, scalar types,
# np.full) and casts arrays (astype wraps); loops over arrays of every number dtype hand out scalars
# that compute as numpy's (the loop fast paths).
import numpy as np
for f in [lambda: np.array([0, 250], dtype="int8"), lambda: np.array([-1], dtype=np.uint8), lambda: np.int8(300), lambda: np.uint8(-1),
          lambda: np.full(3, 300, dtype=np.uint8), lambda: np.array([1, 2], dtype=np.int64).astype(np.int8), lambda: np.array([300]).astype("uint8"),
          lambda: np.array([2**63], dtype=np.int64), lambda: np.zeros(2, dtype=np.int8) + 300,
          lambda: np.array([True, 2], dtype=np.int8)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for dt in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64"]:
    a = np.array([0, 1, 2, 3], dtype=dt) if dt != "bool" else np.array([True, False])
    xs = [x for x in a]
    print(dt, xs, [type(x).__name__ for x in xs][:1], [x * 2 for x in a], [x > 1 for x in a], sum(a), [5 - x for x in a], [x / 3 for x in a])
b = np.array([1.5, -2.0, np.nan, np.inf])
print([x * 2 for x in b], [x < 0 for x in b], [0.5 < x for x in b], [x == x for x in b])
print([x + np.float64(1) for x in b], [x - np.float32(1) for x in b], [x ** 2 for x in b], [x // 2 for x in b[:2]])
# Python ints beyond int64: uint64 where they fit, C's long overflow elsewhere.
for f in [lambda: np.uint64(2**63), lambda: np.uint64(2**64), lambda: np.array([2**70], dtype=np.int8), lambda: np.array([2**63], dtype=np.int64),
          lambda: np.array([-2**63-1], dtype=np.int64), lambda: np.array([2**63]), lambda: np.uint32(2**40),
          lambda: np.array([2**63, 1], dtype=np.uint64), lambda: np.array([2**63, 5]) + 1]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
# ranges as data: np.array(range(...)), pd.Series(range(...)), a DataFrame column from a range.
import pandas as pd
print(np.array(range(3)), np.array(range(10, 0, -3)), pd.DataFrame({"a": range(3)}), pd.Series(range(100)).describe())
