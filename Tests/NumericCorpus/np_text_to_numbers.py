# Strings to numbers as numpy reads them (Python float()/int() of each element: spaces, nan, inf,
# exponents, underscores), astype and the scalar types alike, with numpy's ValueError naming the element.
import numpy as np
print(np.array(['1.5', ' 2 ', 'nan', 'inf', '-1e3']).astype(float))
print(np.array(['1', '-2']).astype(int), np.float64('nan'), np.int64('7'), np.float64(" 2.5"), np.array(["0.5"]).astype(np.float32))
for f in [lambda: np.array(['x']).astype(float), lambda: np.array(['1.5']).astype(int), lambda: np.float64('abc'), lambda: np.int64("z")]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(np.array(['1_000']).astype(float))
