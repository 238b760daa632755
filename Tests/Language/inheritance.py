class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C+" + super().who()
class D(B, C):
    pass
print(A().hello(), B().hello(), C().hello(), D().hello())
print([k.__name__ for k in D.__mro__])
print(isinstance(D(), A), issubclass(D, C), issubclass(A, D))
class Base:
    def __init__(self, x):
        self.x = x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
c = Child(1, 2)
print(c.x, c.y, vars(c))
class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Tri(Shape):
    sides = 3
print(Tri().describe(), Shape().describe())
