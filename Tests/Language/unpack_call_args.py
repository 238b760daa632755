def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, 2, d=4))
print(f(*[1, 2, 3, 4], d=0, z=9))
print(f(**{"a": 1, "b": 2, "d": 3, "x": 0}))
args = (10, 20)
kwargs = {"d": 1, "e": 2}
print(f(*args, **kwargs), f(0, *args, 99, **kwargs, y=1))
def g(*, key):
    return key
print(g(key="k"))
def h(x, /, y):
    return x - y
print(h(5, y=2), h(5, 2))
