total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,  # comment inside
    3,
]
print(items, (4,
              5), {"a":
                   1})
x = 1; y = 2; print(x + y)
if x: print("inline if")
for i in range(2): print("inline for", i)
def g(): return "inline def"
print(g())
s = ("implicit "
     "join")
print(s)
