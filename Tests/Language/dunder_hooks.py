# Special methods Python consults implicitly: rich comparisons returning non-bools, __format__,
# __abs__ and __index__. HostHookTests runs the part after the marker with a Swift host object as Arr.
class Arr:
    def __init__(self, items):
        self.items = list(items)

    def __repr__(self):
        return f"Arr({self.items})"

    def __lt__(self, other):
        return Arr([x < other for x in self.items])

    def __le__(self, other):
        return Arr([x <= other for x in self.items])

    def __gt__(self, other):
        return Arr([x > other for x in self.items])

    def __ge__(self, other):
        return Arr([x >= other for x in self.items])

    def __eq__(self, other):
        return Arr([x == other for x in self.items])

    def __ne__(self, other):
        return Arr([x != other for x in self.items])

    def __format__(self, spec):
        return "[" + ", ".join(format(x, spec) for x in self.items) + "]"

    def __abs__(self):
        return Arr([abs(x) for x in self.items])

    def __index__(self):
        return len(self.items)

# --- host part
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

a = Arr([1, -2, 3])
print(a < 2, a <= 1, a > 0, a >= 3)
print(a == 3, a != 1)
print(2 > a, 2 < a, 3 == a)
print(f"{a:>5}|{a:.1f}|{a}", format(a, "+d"), abs(a))
print("{:08.2f}".format(a))
nums = [10, 20, 30, 40]
print(nums[Idx(1)], "abcd"[Idx(2)], (1, 2, 3)[Idx(0)], nums[Idx(1):Idx(3)], nums[::Idx(2)])
print(list(range(Idx(3))), list(range(Idx(1), Idx(7), Idx(2))), range(10)[Idx(4)])
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)), nums[a], hex(a))
try:
    nums[Idx(9)]
except IndexError as e:
    print("IndexError:", e)
class Plain:
    pass
try:
    print(Plain() < Plain())
except TypeError as e:
    print("TypeError:", e)
p = Plain()
print(p == p, p != p, p == Plain())
