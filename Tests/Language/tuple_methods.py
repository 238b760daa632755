t = (1, 2, 3, 2, 2)
print(t.count(2), t.index(3), t.index(2, 2), len(t), t[1:3], t + (4,), t * 2 if len(t) < 3 else t[:2] * 2)
print((1,), (), tuple("ab"), tuple([1, 2]), (1, 2) == (1, 2), (1, [2])[1])
a, b = t[:2]
print(a, b, sorted(t), min(t), max(t), sum(t), 2 in t)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
