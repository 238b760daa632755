def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count(5)))
g = count(3)
print(next(g), next(g), next(g), next(g, "done"))

def naturals():
    n = 0
    while True:
        yield n
        n += 1

for x in naturals():
    if x > 4:
        break
    print(x, end=" ")
print()
print(list(zip("abc", naturals())))

def with_return():
    yield 1
    return "finished"

g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)

def delegator():
    r = yield from with_return()
    print("sub returned", r)
    yield from [10, 20]
    yield from range(2)

print(list(delegator()))

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

e = echo()
print(next(e))
print(e.send(1))
print(e.send("two"))
e.close()

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = fin()
print(next(g))
del g
print("after del")
g = fin()
print(next(g))
g.close()
print("closed")

def pairs():
    yield 1, 2
    x = yield
    print("x is", x)

p = pairs()
print(next(p))
print(next(p))
try:
    p.send(42)
except StopIteration:
    print("exhausted")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(sum(x for _, x in zip(range(20), fib())))
print(type(fib()).__name__)
print(fib.__name__, fib().__name__)
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 99
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
def gen_in_gen(n):
    for i in range(n):
        yield from (j * i for j in range(i))
print(list(gen_in_gen(4)))
