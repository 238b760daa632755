x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5, 3 > 2 > 1 >= 1)
print(1 < 3 > 2 != 4, "a" < "b" < "c", [1, 2] < [1, 3] <= [1, 3])
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(0) < f(2), calls)
calls.clear()
print(f(1) < f(2) < f(3), calls)
print(x in [1, 5] in [[1, 5]], None is None is not False, 2 not in (1, 3) == True)
