t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t.count(2), t.index(3))
print((), (1,), (1, 2) + (3,), (0,) * 3, tuple([4, 5]), tuple("ab"))
a, b, c = t
print(a, b, c)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = "abcd"
print(init, last)
first, *mid, end = range(6)
print(first, mid, end)
(p, q), r = (1, 2), 3
print(p, q, r)
a, b = b, a
print(a, b)
print((1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
print(tuple(), (1, (2, 3)), ((),))
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
