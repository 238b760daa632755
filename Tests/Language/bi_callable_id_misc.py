def f():
    pass
class C:
    def __call__(self):
        return "called"
print(callable(f), callable(C), callable(C()), callable(1), callable(len), callable("s"))
a = [1]
b = a
print(id(a) == id(b), a is b, [1] is [1], id(a) != id([1]))
print(divmod(9, 4), round(7.5), pow(2, 5), abs(-7), len("abc"))
print(list(range(5, 0, -2)), list(range(-3)), range(3) == range(0, 3), 3 in range(5), range(10)[-1])
