from collections import Counter, defaultdict, namedtuple, OrderedDict
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), len(c))
c.update("aaz")
print(c.most_common(3), sorted(c.elements())[:5], c.total())
words = Counter(["x", "y", "x"])
print(words, dict(words), list(words.items()))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"], len(dd))
cnt = defaultdict(int)
for ch in "hello":
    cnt[ch] += 1
print(sorted(cnt.items()), type(cnt).__name__)
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p.y, p[0], tuple(p), p == (1, 2), P._fields, p._asdict())
od = OrderedDict([("z", 1), ("a", 2)])
print(list(od.keys()))
