points = [(1, 2), (3, 1), (0, 0), (2, 2)]
points.sort(key=lambda p: (p[1], -p[0]))
print(points)
xs, ys = zip(*points)
print(xs, ys, sum(xs), max(ys))
dist = {p: (p[0] ** 2 + p[1] ** 2) ** 0.5 for p in points}
for p, d in sorted(dist.items(), key=lambda kv: kv[1]):
    print(p, round(d, 3))
t = (1, [2, 3])
t[1].append(4)
print(t, (1, 2) + tuple([3]), tuple(range(3)) * 2)
