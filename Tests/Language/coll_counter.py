from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c), sorted(c.elements())[:5], c.total() if hasattr(c, "total") else 11)
print(c.most_common(2), c.most_common()[-1], Counter([1, 1, 2]).most_common(1))
d = Counter(a=3, b=1)
d.update("aab"); print(d)
d.subtract({"a": 4}); print(d)
print(Counter("ab") + Counter("bc"), Counter("aab") - Counter("ab"), dict(Counter("xx")))
words = "the cat and the hat and the bat".split()
for w, n in Counter(words).most_common(3):
    print(f"{w:>5} {n}")
