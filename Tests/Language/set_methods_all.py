a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection([1, 3])), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}), {1} < a, a >= a)
s = set()
s.add(5); s.add(5); s.update([6, 7], {8}); s.discard(100); s.remove(6)
print(sorted(s), len(s), 7 in s, s.pop() in {5, 7, 8})
fs = frozenset([1, 2])
print(fs, fs | {3}, type(fs | {3}).__name__, {fs: "hashable"}[frozenset([2, 1])])
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
c = a.copy(); c.clear(); print(c, a)
