# float32/float16 arrays in scientific notation: the digits past the unique ones are the value's own (Dragon4 min_digits).
import numpy as np
cases = [[1e-5, 123456.789, np.nan], [0.1, 1e9], [1e-7, 3.0, -2.5e10], [7.0, 1e-30], [0.3, 1e8, np.inf], [1.0, 2.0, 1e10]]
for dt in [np.float32, np.float64]:
    for vals in cases:
        a = np.array(vals, dtype=dt)
        print(a, repr(a))
for vals in [[1e-5, 123.5, np.nan], [0.1, 1000.0], [7.0, 1e-7], [0.3, 60000.0]]:
    a = np.array(vals, dtype=np.float16)
    print(a, repr(a))
print(np.array([[1e-5, 2.5], [3.3e7, 1e9]], dtype=np.float32))
