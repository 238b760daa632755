xs = [5, 3, 5, 1]
print(xs.index(5), xs.index(5, 1), xs.count(5), xs.count(9))
xs.insert(100, "end")
xs.insert(-100, "start")
xs.insert(-1, "before-end")
print(xs)
ys = list(range(5))
print(ys.pop(), ys.pop(0), ys.pop(-2), ys)
zs = [[]] * 3
zs[0].append(1)
print(zs)
ws = [[] for _ in range(3)]
ws[0].append(1)
print(ws)
print([1, 2, 3] * 0, [] + [], list(reversed([])), sorted([]), [x for x in []])
nested = [3, [1, 2], (4, 5)]
print(nested[1][0], nested[2][1], len(nested), nested.copy() == nested, nested.copy() is nested)
a = [1, 2, 3]
a[len(a):] = [4, 5]
a[:0] = [0]
print(a, a[1:-1], a[-1:0:-1])
print(list(map(list, zip(*[[1, 2, 3], [4, 5, 6]]))))
