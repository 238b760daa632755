def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late_binding())
g = 100
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def shadow():
    len = lambda s: -1
    return len("abc")
print(shadow(), len("abc"))
