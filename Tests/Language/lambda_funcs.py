compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
print(sorted(range(-3, 4), key=lambda v: (v * v, v)))
f = lambda: None
print(f(), f.__name__)
