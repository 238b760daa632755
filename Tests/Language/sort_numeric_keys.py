# Lists of numbers sort as numbers (mfsh sorts all-int and all-float keys without a comparison call
# each): ties keep their order (0.0 and -0.0, 1 and True), reverse keeps ties in order too, and mixes
# of ints and floats, NaN, big ints and other values still sort by `<`.
import random

rng = random.Random(7)
floats = [rng.choice([0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, 3.0]) for _ in range(200)]
print([repr(x) for x in sorted(floats) if x == 0][:16], sorted(floats)[::25])
print([repr(x) for x in sorted(floats, reverse=True) if x == 0][:16], sorted(floats, reverse=True)[::25])
print(sorted(floats) == sorted(floats, key=lambda v: v))

ints = [rng.randrange(-50, 50) for _ in range(300)] + [True, False, True, 2**62, -2**63]
s = sorted(ints)
print(s[:8], s[-4:], [type(v).__name__ for v in s if v in (0, 1)][:10])
print(sorted(ints, reverse=True)[:6])
print(sorted([True, 1, False, 0, True]), sorted([1, True, 0, False], reverse=True))

# Keys from a key function: ties in input order.
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: -len(w) * 0.5))

# Mixed ints and floats, and big ints: compared exactly.
print(sorted([2**53 + 1, float(2**53), 3, 2.5, -1, True]))
print(sorted([10**30, 5, -(10**30), 7.5]))
nan = float("nan")
print(len(sorted([3.0, nan, 1.0, 2.0])), sorted([1.0, 2.0, 3.0, 0.5]))
print(sorted([]), sorted([4.0]), sorted([2, 1]))
try:
    sorted([1.0, "a"])
except TypeError as e:
    print("TypeError", e)
l = [3.5, -1.0, 2.0]
l.sort()
print(l, max([1.5, -0.0, 0.0]), min([0.0, -0.0]))
