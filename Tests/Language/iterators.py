it = iter([1, 2, 3])
print(next(it))
for x in it:
    print("rest", x)
print(next(it, "exhausted"))
e = enumerate(["a", "b"])
print(next(e), list(e))
z = zip([1, 2, 3], [4, 5, 6])
print(list(z), list(z))
m = map(lambda x: x * 10, range(3))
print(list(m))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)])
g = (x * x for x in range(4))
print(type(g).__name__, sum(g), sum(g))
r = reversed([1, 2])
print(list(r), list(r))
