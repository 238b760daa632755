# time.sleep's argument checks and messages (CPython's _PyTime conversions).
import time

for arg in [-1, -1e-10, float("nan"), "1", float("inf"), float("-inf"), 1e30, 10 ** 30, -(10 ** 30),
            2 ** 63, 9223372037, 9223372036.9, None, [1], 1 + 0j]:
    try:
        time.sleep(arg)
        print(repr(arg), "slept")
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(arg), type(e).__name__, e)
for args in [(), (1, 2)]:
    try:
        time.sleep(*args)
    except TypeError as e:
        print(len(args), type(e).__name__, e)
time.sleep(0)
time.sleep(False)
time.sleep(-0.0)
time.sleep(0.01)
print("done")
