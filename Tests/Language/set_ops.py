s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(4)
s.discard(10)
s.remove(1)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset({1, 2, 3, 4, 5}), a.isdisjoint({9}))
print(set(), set([1, 1, 2]), frozenset([1, 2]), frozenset())
print(sorted({"banana", "apple", "cherry"}))
f = frozenset({1, 2})
print({f: "frozen"}[frozenset([2, 1])], f | {3})
u = {1, 2}
u |= {3}
u &= {2, 3}
print(u, {x % 3 for x in range(10)})
print(set("abcabc") == {"a", "b", "c"}, len(set(range(100))))
