first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = (1,)
print(head, rest)
a, b, *c = range(5)
print(a, b, c)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *"xy"], (*[1], *[2]), {*"aab"} == {"a", "b"})
x, *_ = [9, 8, 7]
print(x)
try:
    p, q, *r = [1]
except ValueError as e:
    print("ValueError:", e)
