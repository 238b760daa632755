# operator: the operators as functions, itemgetter / attrgetter / methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 3), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.mod(-7, 3), operator.pow(2, 100), operator.lshift(1, 70), operator.rshift(-9, 1), operator.and_(12, 10))
print(operator.or_(12, 10), operator.xor(12, 10), operator.or_({1}, {2}), operator.neg(5), operator.pos(-2.5), operator.invert(5), operator.inv(0))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq([1], [1]), operator.ne(1, 1.0), operator.gt("b", "a"), operator.ge(1, 2))
print(operator.not_([]), operator.truth("x"), operator.is_(None, None), operator.is_not(1, None), operator.abs(-3), operator.index(7))
print(operator.contains([1, 2], 2), operator.concat([1], [2]), operator.concat("a", "b"), operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("abc", "c"))
print(operator.getitem({"k": 1}, "k"), operator.getitem([1, 2, 3], slice(1, None)), operator.length_hint([1, 2]), operator.length_hint((x for x in []), 5))
d = {"a": 1, "b": 2}
operator.setitem(d, "c", 3)
operator.delitem(d, "a")
print(d, operator.__add__(1, 2), operator.__not__(0))
xs = [1, 2]
ys = operator.iadd(xs, [3])
print(xs, ys is xs, operator.iadd(1, 2), operator.imul("ab", 2), operator.iconcat([0], (1,)), operator.ior({1}, {5}), operator.ifloordiv(9, 2))

rows = [("b", 2, 9.5), ("a", 3, 1.0), ("c", 1, 4.0)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), list(map(itemgetter(0, 2), rows)))
print(itemgetter("x")({"x": 10}), itemgetter(slice(0, 2))("hello"), itemgetter(-1)([1, 2, 3]))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(attrgetter("a.b", "c")), repr(methodcaller("split", ",", maxsplit=1)))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.meta = type("Meta", (), {})()
        self.meta.label = f"P{x}"
pts = [Point(3, 1), Point(1, 2), Point(2, 0)]
print([p.x for p in sorted(pts, key=attrgetter("x"))], attrgetter("x", "y")(pts[0]), attrgetter("meta.label")(pts[1]))
print(methodcaller("upper")("abc"), methodcaller("split", ",", maxsplit=1)("a,b,c"), list(map(methodcaller("strip"), [" a ", "b "])))
print(max(pts, key=attrgetter("y")).x, min(rows, key=itemgetter(2)))

for call in [lambda: operator.add(1), lambda: operator.neg(), lambda: operator.concat(1, 2), lambda: operator.index(1.5),
             lambda: itemgetter(), lambda: attrgetter(1), lambda: itemgetter(5)([1]), lambda: attrgetter("z")(pts[0]),
             lambda: methodcaller(), lambda: operator.indexOf([1], 2), lambda: operator.add(x=1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
