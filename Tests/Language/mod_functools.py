# functools: reduce, partial, lru_cache/cache, wraps, cmp_to_key, total_ordering, cached_property.
import functools
from functools import partial, reduce, lru_cache, wraps

print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
base2 = partial(int, base=2)
print(base2("1011"), base2("11", base=3), base2.func is int, base2.args, base2.keywords)
p = partial(pow, 2)
print(p(10), repr(p), repr(partial(p, 5)), partial(p, 5)(), callable(p))
print(repr(partial(max, 1, key=abs)), sorted([3, -7, 5], key=partial(lambda x, exp: x ** exp, exp=2)))

calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.cache_info().hits, fib.__name__, fib.__wrapped__.__name__)

@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x
for x in [1, 2, 1, 3, 2, 1]:
    square(x)
print(square.cache_info(), square.cache_parameters())

@lru_cache
def greet(name, punctuation="!"):
    print("greeting", name)
    return "hi " + name + punctuation
print(greet("a"), greet("a"), greet("a", punctuation="?"), greet("a", punctuation="?"), greet.cache_info())

@lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind.cache_info().currsize)

@functools.cache
def double(x):
    return 2 * x
print(double(4), double(4), double.cache_info())

class Circle:
    def __init__(self, r):
        self.r = r
    @lru_cache(maxsize=None)
    def area(self, scale):
        return 3 * self.r * self.r * scale
    @functools.cached_property
    def diameter(self):
        print("computing diameter")
        return 2 * self.r
c = Circle(2)
print(c.area(1), c.area(1), Circle.area.cache_info().hits, c.diameter, c.diameter, c.__dict__["diameter"])

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper
@logged
def add(a, b):
    """Add two numbers."""
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1), add.__qualname__)

def compare_len(a, b):
    return len(a) - len(b)
print(sorted(["ccc", "a", "bb", ""], key=functools.cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), max(["x", "yyy", "zz"], key=functools.cmp_to_key(compare_len)))

@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, a <= Version(1), a >= Version(1), b > a)

@functools.total_ordering
class Grade:
    def __init__(self, g):
        self.g = g
    def __eq__(self, other):
        return self.g == other.g
    def __ge__(self, other):
        return self.g >= other.g
print(Grade(1) < Grade(2), Grade(2) <= Grade(2), Grade(3) > Grade(2), sorted([Grade(3), Grade(1)], reverse=True)[0].g)

for call in [lambda: reduce(max, []), lambda: partial(), lambda: partial(5), lambda: lru_cache("x"),
             lambda: functools.total_ordering(type("Plain", (), {})), lambda: fib([1])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
