people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: len(p[0]) + p[1]))
print(list(map(lambda p: p[0].title(), people)), list(filter(lambda p: p[1] > 24, people)))
add = lambda a, b=10, *rest, **kw: a + b + sum(rest) + len(kw)
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, k=1, j=2))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, lambda x: x * 2)(21), (lambda: "no args")())
