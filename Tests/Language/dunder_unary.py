# Unary special methods of user classes: ~x calls __invert__, +x __pos__, -x __neg__; a class without
# them raises CPython's TypeError.
class Mask:
    def __init__(self, bits):
        self.bits = bits
    def __invert__(self):
        return Mask([not b for b in self.bits])
    def __pos__(self):
        return "pos:" + str(self.bits)
    def __neg__(self):
        return len(self.bits)
    def __repr__(self):
        return f"Mask({self.bits})"

m = Mask([True, False])
print(~m, ~~m, +m, -m)

class Plain:
    pass

for f in (lambda: ~Plain(), lambda: +Plain(), lambda: -Plain(), lambda: ~"s", lambda: +"s", lambda: ~1.5):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(~True, +True, ~0, +(-3))
