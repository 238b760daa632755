it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
s = iter("ab")
print(list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), list(d))
r = iter(range(3))
print(next(r), sum(r))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration raised")
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), next(Countdown(5)), next(iter(Countdown(0)), "empty"))
