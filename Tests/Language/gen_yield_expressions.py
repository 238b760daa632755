def g():
    x = yield
    print("x =", x)
    y = (yield x * 2) + 1
    print("y =", y)
    z = yield y, x
    print("z =", z)

it = g()
print(next(it))
print(it.send(10))
print(it.send(5))
try:
    it.send("end")
except StopIteration:
    print("stopped")

def squares_up_to(n):
    return (i * i for i in range(n))
print(list(squares_up_to(5)))
def gen_return_value():
    yield 1
    return [1, 2]
def wrapper():
    result = yield from gen_return_value()
    yield result
print(list(wrapper()))
