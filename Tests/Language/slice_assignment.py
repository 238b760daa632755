a = list(range(8))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-1]
print(a)
a[::2] = "ABCD"
print(a)
del a[1::3]
print(a)
a[len(a):] = [99]
print(a)
b = [1, 2, 3]
b[1:2] = []
print(b)
try:
    b[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
c = [0] * 5
c[1:4] = range(3)
print(c)
