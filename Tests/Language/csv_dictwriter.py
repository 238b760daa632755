import csv
import sys


class Sink:
    """A file-like target collecting what the writer writes."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


out = Sink()
w = csv.DictWriter(out, fieldnames=["name", "score", "note"])
print("fieldnames", w.fieldnames)
print("header returns", w.writeheader())
print("row returns", w.writerow({"name": "alice", "score": 93.5, "note": "plain"}))
print("missing key uses restval", w.writerow({"name": "bob"}))
print("writerows returns", w.writerows([{"name": "cid", "note": "has,comma"}, {"score": None, "note": 'q "x"'}]))
print(repr("".join(out.parts)))

try:
    w.writerow({"name": "x", "extra": 1})
except ValueError as e:
    print("ValueError:", e)
try:
    w.writerow({"name": "x", "b": 1, "zz": 2, "q": 3})
except ValueError as e:
    print("ValueError:", e)

out2 = Sink()
w2 = csv.DictWriter(out2, ["a", "b"], restval="-", extrasaction="ignore", delimiter=";", lineterminator="\n")
w2.writeheader()
print(w2.writerow({"a": 1, "c": 3}))
w2.writerows(iter([{"b": 2}, {"a": "x;y", "b": "z"}]))
print(repr("".join(out2.parts)))

# extrasaction is checked case-insensitively but only the exact "raise" raises
w3 = csv.DictWriter(Sink(), ["a"], extrasaction="RAISE")
print(w3.writerow({"a": 1, "b": 2}))

try:
    csv.DictWriter(Sink(), ["a"], extrasaction="bad")
except ValueError as e:
    print("ValueError:", e)
try:
    csv.DictWriter(Sink())
except TypeError as e:
    print("TypeError:", e)

std = csv.DictWriter(sys.stdout, fieldnames=("k", "v"), lineterminator="\n")
std.writeheader()
std.writerows([{"k": i, "v": i * i} for i in range(3)])
