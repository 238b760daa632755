l = [3, 1, 4]
l.append(1); l.extend([5, 9]); l.insert(0, 2); l.insert(-1, 6); l.insert(100, 7)
print(l, l.index(1), l.index(1, 3), l.count(1))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l)
c = l.copy(); c.reverse()
print(c, l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.clear(); print(l, len(l))
n = [[1], [2]]
shallow = n.copy()
shallow[0].append(99)
print(n, [1, 2] + [3], [0] * 3, [1, 2] * 0)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError:", e)
