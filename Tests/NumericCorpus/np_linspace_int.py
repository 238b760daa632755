# np.linspace with an integer dtype floors the values before the cast, as numpy does (toward -inf,
# so negative steps differ from truncation), with endpoint=False and retstep=True too.
import numpy as np

for start, stop, num in [(0, -10, 4), (0, 10, 4), (-5, 5, 7), (3, -3, 5), (0.5, -2.5, 4), (-1, 0, 3)]:
    print(repr(np.linspace(start, stop, num, dtype=int)), repr(np.linspace(start, stop, num, dtype=np.int32, endpoint=False)))
    print(repr(np.linspace(start, stop, num, dtype=np.int64, retstep=True)), repr(np.linspace(start, stop, num)))
