class Point:
    """A 2-D point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p.norm2(), Point.count, p == Point(1, 2), p != q)
print(Point.__doc__, Point.__name__, type(p).__name__, isinstance(p, Point))
p.z = 10
print(p.z, hasattr(p, "z"), getattr(p, "x"))
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return f"<{type(self).__name__} {self.name}>"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex")
print(d.speak(), str(d), isinstance(d, Animal), issubclass(Dog, Animal))
print([str(a) for a in [Animal("x"), d]])
class Stack:
    def __init__(self):
        self._items = []
    def push(self, v):
        self._items.append(v)
        return self
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(self._items)
    def __contains__(self, v):
        return v in self._items
    def __getitem__(self, i):
        return self._items[i]
    def __bool__(self):
        return bool(self._items)
s = Stack().push(1).push(2)
print(len(s), list(s), 2 in s, s[0], bool(s), bool(Stack()))
