def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}))
print([*range(3), *"ab"], (*[1], 2), {*[1, 1], 2}, {**{"x": 1}, "y": 2})
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
[p, q] = "pq"
print(p, q)
head, *_ = [9, 8, 7]
print(head, _)
m = n = [0]
m.append(1)
print(m, n, m is n)
x = y = z = 7
print(x + y + z)
