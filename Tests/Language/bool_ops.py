print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or "default", [] or [1], "a" and "b")
print(not 1, not 0, not None, not [], True is True, None is None, 1 == True)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 0 <= x <= 5 < 6, 1 < 2 < 3 < 2)
print(True + 1, True and False or True, (False or None) is None)
def side(v):
    print("eval", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) < side(2) < side(0) < side(3))
