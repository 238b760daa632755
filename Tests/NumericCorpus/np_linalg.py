# dot, matmul and the @ operator (1-D and 2-D; float64 sums in OpenBLAS' order, so every digit is numpy's),
# corrcoef, histogram (equal bins with numpy's edge corrections, explicit edges, range=, float32) and
# bincount, on deterministic pseudo-random data of realistic sizes; numpy's errors for bad shapes.
import numpy as np

state = 2024
def draw():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648.0

def sample(n, scale=100.0):
    return np.array([round((draw() - 0.4) * scale / (0.5 + draw()), 7) for _ in range(n)])

for n in [1, 3, 7, 15, 16, 17, 31, 32, 33, 100, 257, 1003, 4096, 9999]:
    x, y = sample(n), sample(n, 3.0)
    print(n, repr(np.dot(x, y)), repr(x @ y), repr(np.matmul(y, x)))
A = sample(60).reshape(12, 5)
for rows, k in [(1, 5), (2, 7), (3, 9), (4, 16), (5, 6), (7, 33), (12, 100), (13, 2050)]:
    M, v = sample(rows * k).reshape(rows, k), sample(k, 10.0)
    print(rows, k, repr(M @ v), repr(np.dot(M, v)))
B = sample(40).reshape(5, 8)
print(repr(A @ B), repr(np.dot(A[:3], B[:, :2])), repr(A[:1] @ B), repr(A[:, :1] @ B[:1]))
ints = np.arange(12).reshape(3, 4)
print(repr(ints @ np.arange(4)), repr(np.arange(3) @ ints), repr(ints @ ints.T), repr(np.dot(2, ints)), repr(np.dot(np.arange(5), np.arange(5))))
print(repr(np.array([True, False]) @ np.array([True, True])), repr([1.5, 2.0] @ np.arange(4.0).reshape(2, 2)), repr(np.arange(4.0).reshape(2, 2) @ [1, 2]))
s = sample(500)
t = s * 0.3 + sample(500, 20.0)
print(repr(np.corrcoef(s, t)), repr(np.corrcoef(np.vstack([s, t, sample(500)]))), repr(np.corrcoef(np.vstack([s[:50], t[:50]]).T, rowvar=False)))
h = sample(1000, 50.0)
print(np.histogram(h), np.histogram(h, bins=7), np.histogram(h, bins=[-50, -10, 0, 0.5, 10, 100]), np.histogram(h, bins=5, range=(-20, 20)))
print(np.histogram(np.arange(10)), np.histogram(np.array([3, 3, 3])), np.histogram(h.astype(np.float32), bins=6), np.histogram(h.astype(np.float32), bins=4, range=(0, 10)))
print(np.histogram(np.linspace(0, 1, 101), bins=10), np.histogram(np.array([0.1, 0.2, 0.3, 0.7]), bins=3, range=(0.1, 0.7)), np.histogram([], bins=2))
print(repr(np.bincount(np.array([0, 1, 1, 3, 2, 1, 7]))), repr(np.bincount([2, 2, 0], minlength=5)), repr(np.bincount([0, 1, 1], weights=[0.5, 0.25, 1.0])), repr(np.bincount(np.array([True, False, True]))))
for bad in [lambda: np.dot(np.ones(3), np.ones(4)), lambda: np.ones((2, 3)) @ np.ones((2, 3)), lambda: np.dot(np.ones((2, 3)), np.ones(2)), lambda: np.ones(2) @ 3,
            lambda: np.matmul(np.float64(2.0), np.ones(2)), lambda: np.bincount(np.array([1, -1])), lambda: np.bincount(np.array([1.5])), lambda: np.bincount([[1]]),
            lambda: np.bincount([1], minlength=-1), lambda: np.histogram([1, 2], bins=0), lambda: np.histogram([1, 2], bins=[3, 1]), lambda: np.histogram([1.0, np.nan]),
            lambda: np.histogram([1, 2], range=(2, 1)), lambda: np.histogram([1, 2], bins=[[1, 2]])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
