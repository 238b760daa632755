# numpy scalars as dict keys and set members hash and compare as the Python numbers they hold
# (counting labels read from an array, then looking them up with plain ints).
import numpy as np
labels = np.array([2, 0, 2, 1, 2])
counts = {}
for label in labels:
    counts[label] = counts.get(label, 0) + 1
print(counts[2], counts.get(0), 1 in counts, sorted(counts.items()))
print(hash(np.float64(1.5)) == hash(1.5), hash(np.int64(-1)) == hash(-1), hash(np.True_) == hash(True))
print({np.float64(1.5), 1.5}, len({np.int64(2), 2, 2.0}), {np.int32(7): "a"}[7], {1.5: "b"}[np.float64(1.5)])
words = np.array(["cat", "dog"])
print(np.float32(0.5) in {0.5}, words[0] in {"cat": 1}, {"dog": 1}.get(words[1]), type(words[1]).__name__)
scores = np.array([0.25, 0.5, 0.25])
print({s: i for i, s in enumerate(scores)})
print(dict.fromkeys(np.array([3, 1, 3])))
nan = np.array([np.nan])[0]
d = {nan: "found by identity"}
print(d[nan], nan in d, np.float64(float("nan")) in d, len({nan, nan}))
