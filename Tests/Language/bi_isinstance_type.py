vals = [1, 1.5, "s", [1], (1,), {1: 2}, {1}, None, True, b"b", len, range(2)]
for v in vals:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, (list, tuple)), isinstance(v, object))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), type(True) is bool, type(1) == int)
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (str, A)), type(b).__name__, type(b) is B, issubclass(B, (A, int)))
print(type(A).__name__, type(type).__name__, type(None).__name__, type(print).__name__)
