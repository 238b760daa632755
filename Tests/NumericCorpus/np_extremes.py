# min/max/argmin/argmax of float64 arrays of every length around the 8-wide vector loop: NaN first,
# inside the vector part and in the tail; signed zeros (max/min give the last equal one, arg* the
# first); ties between lanes (the first index wins); infinities.
import numpy as np

def show(a):
    a = np.array(a, dtype=np.float64)
    print(len(a), repr(a.min()), repr(a.max()), a.argmin(), a.argmax())

for n in [1, 2, 7, 8, 9, 15, 16, 17, 31, 33]:
    base = [float((i * 7919) % 23) - 11.0 for i in range(n)]
    show(base)
    show(base[::-1])
    for pos in sorted({0, n // 2, n - 1}):
        withnan = list(base)
        withnan[pos] = float("nan")
        show(withnan)
    ties = [5.0] * n
    show(ties)
    zeros = [0.0 if i % 2 else -0.0 for i in range(n)]
    show(zeros)
    show([-z for z in zeros])
    show([float("inf") if i == n // 3 else -float("inf") for i in range(n)])

big = np.arange(1000, dtype=np.float64) % 97
print(big.min(), big.max(), big.argmin(), big.argmax())
idx = np.arange(1000)
big = np.where((idx == 613) | (idx == 977), 500.0, big)
print(big.max(), big.argmax())
big = np.where((idx == 400) | (idx == 999), -1.0, big)
print(big.min(), big.argmin())
big = np.where(idx == 55, np.nan, big)
print(big.min(), big.max(), big.argmin(), big.argmax())
print(np.max(big[56:]), np.argmax(big[56:]), np.min(big[56:]), np.argmin(big[56:]))
