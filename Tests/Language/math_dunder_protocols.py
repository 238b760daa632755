# The math module takes any real number as CPython's PyFloat_AsDouble does (__float__, then __index__),
# math.floor/ceil ask __floor__/__ceil__ first, and divmod() goes through __divmod__/__rdivmod__.
import math


class Meters:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return self.v * 1.0


class Count:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Stepped:
    def __floor__(self):
        return 'floor!'

    def __ceil__(self):
        return 'ceil!'


class Pair:
    def __init__(self, n):
        self.n = n

    def __divmod__(self, other):
        return ('div', self.n, other)

    def __rdivmod__(self, other):
        return ('rdiv', other, self.n)


class Declines:
    def __divmod__(self, other):
        return NotImplemented


class BadFloat:
    def __float__(self):
        return 3


print(math.sqrt(Meters(16)), math.floor(Meters(-1.5)), math.ceil(Meters(-1.5)), math.isnan(Meters(float('nan'))))
print(math.sqrt(Count(9)), math.floor(Count(7)), math.fsum([Meters(0.1), Count(1), 0.2]))
print(math.floor(Stepped()), math.ceil(Stepped()), math.floor(-2.5), math.ceil(2.1), math.floor(True), math.floor(10 ** 30))
print(divmod(Pair(3), 2), divmod(5, Pair(4)), divmod(7, -2), divmod(-7.5, 2))
for bad in [lambda: math.sqrt('x'), lambda: math.floor(None), lambda: divmod(Declines(), 1), lambda: divmod('a', 1),
            lambda: math.sqrt(BadFloat()), lambda: math.floor(float('inf'))]:
    try:
        print(bad())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
