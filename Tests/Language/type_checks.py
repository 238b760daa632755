vals = [1, 1.0, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, True, range(2), len, print, int]
for v in vals:
    print(type(v).__name__, isinstance(v, (int, float)), callable(v))
print(type(type(1)).__name__, type(int), type(None), type(3.0), type([]) == list)
class X:
    pass
print(type(X), type(X()), X.__name__, X().__class__.__name__, isinstance(X(), object))
