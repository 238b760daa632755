class Range2D:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield x, y

grid = Range2D(3, 2)
print(list(grid))
print(len(list(grid)), (2, 1) in grid, sum(x + y for x, y in grid))

class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k

t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sorted(t, reverse=True), max(t))
