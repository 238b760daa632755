print()
print("")
print(None, True, False, 0, -0, 0.0)
print([None, True, "s", 1.0, [], {}, (), set()])
print({"nested": {"list": [1, (2, 3), {4}], "str": "it's"}})
print([[1, 2], [3, [4, [5]]]])
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
print("a", 1, [2], sep="")
print("multi\nline")
print(repr("multi\nline"), repr(""), repr("'"), repr('"'), repr("'\""))
print((1, "a"), ((1,),), [(1,)], ())
print(1, end=" ")
print(2, end="\n\n")
print("end")
