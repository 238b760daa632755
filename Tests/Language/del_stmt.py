x = 5
del x
try:
    print(x)
except NameError as e:
    print(e)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
l = [1, 2, 3, 4]
del l[1], l[-1]
print(l)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
