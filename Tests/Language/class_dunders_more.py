class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    __radd__ = __add__
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __hash__(self):
        return hash(self.cents)
    def __bool__(self):
        return self.cents != 0
    def __len__(self):
        return len(str(self.cents))
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __format__(self, spec):
        return format(str(self), spec)
    def __getitem__(self, i):
        return str(self.cents)[i]
    def __contains__(self, digit):
        return str(digit) in str(self.cents)

a, b = Money(250), Money(199)
print(a + b, a - b, a * 3, sum([a, b]), 5 + a, a == Money(250), a != b, a < b, sorted([a, b]))
print(bool(Money(0)), len(a), a[0], a[-1], 5 in a, 9 in a, {a: 1}[Money(250)], f"[{a:>8}]", repr(a), str(a))
print(max(a, b), min([a, b]), a > b, a <= b if hasattr(Money, "__le__") and False else "no __le__")
