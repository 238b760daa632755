def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
def outer():
    v = "first"
    get = lambda: v
    v = "second"
    return get()
print(outer())
print((lambda x: (lambda y: x * y))(3)(4))
