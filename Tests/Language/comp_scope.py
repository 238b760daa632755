x = "outer"
squares = [x * x for x in range(4)]
print(x, squares)
n = 10
print([n + i for i in range(3)])
def f():
    k = 3
    return [k * j for j in range(k)]
print(f())
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([g() for g in funcs])
print([y for y in [1, 2, 3] if (z := y * 2) > 2], z)
