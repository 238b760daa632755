def add(a, b=10, *args, scale=1, **kw):
    return (a + b + sum(args)) * scale, kw
print(add(1))
print(add(1, 2))
print(add(1, 2, 3, 4))
print(add(1, scale=2))
print(add(a=5, b=5, extra="x"))
print(add(*[1, 2, 3], **{"scale": 3, "z": 0}))
def noreturn():
    pass
print(noreturn())
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())
def kwonly(*, key, default="d"):
    return key + default
print(kwonly(key="k"), kwonly(key="k", default="!"))
def doc():
    """This is the docstring."""
    return doc.__doc__
print(doc(), doc.__name__)
square = lambda x, p=2: x ** p
print(square(3), square(2, 3), (lambda: "no args")())
print(sorted([3, -1, 2], key=lambda v: abs(v)))
def defaults_shared(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_shared(1), defaults_shared(2))
