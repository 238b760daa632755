class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def zero(cls):
        return cls(0)
    def __lt__(self, other):
        return self._c < other._c
    def __repr__(self):
        return f"Temp({self._c})"
t = Temp(100)
print(t.f, Temp.unit(), t.unit(), Temp.zero(), sorted([Temp(5), Temp(-1), Temp(3)]))
print(max([Temp(5), Temp(7)]), min(Temp(2), Temp(1)))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, k=1):
        self.n += k
        return self.n
c = Counter()
c(); c(5)
print(c.n, callable(c))
