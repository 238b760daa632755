a = [3, 1, 2]
a.append(5)
a.extend([7, 8])
a.insert(0, 9)
print(a, len(a), a.index(2), a.count(1))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, a[::-1], a[1:3], a[-2:])
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
b = a.copy()
b[0] = 100
print(a, b, a == b, a != b)
print([1, 2] + [3], [0] * 3, [[]] * 2, 2 in [1, 2], [1, [2, 3]])
c = [1, 2, 3, 4, 5, 6]
c[1:3] = [20, 30, 40]
print(c)
del c[0]
print(c)
del c[::2]
print(c)
c[:] = []
print(c)
x = [5, 3, 8]
y = x
y.append(1)
print(x, x is y, sorted(x), x)
print(list(range(5)), list("abc"), list((1, 2)), list({"k": 1}))
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], max([3, 9, 2]), min([3, 9, 2]))
e = []
e += [1]
e += (2, 3)
e *= 2
print(e)
