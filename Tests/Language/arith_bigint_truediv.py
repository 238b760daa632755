# int / int beyond 2**53 is correctly rounded (CPython's long_true_divide), subnormal results included.
tests = [(10**40 + 1, 7), (2**200 + 12345, 2**150 + 7), (-(10**30), 3), (10**30, -7), (1, 10**400), (3, 2**1080),
         (2**2000 + 1, 3 * 2**1990), (7, 3 * 2**1074), (-1, 3 * 2**1073), (2**53 + 1, 1), (2**54 + 3, 2),
         (5 * 2**1020, 2**20 * 3), (3333333333333333333166666666666666666669 * 2**1100, 3 * 2**1100), (0, -10**20),
         (2**1076, 2**2150), (3 * 2**1000, 2**2075), (2**60 + 2**7 + 1, 2**7)]
for a, b in tests:
    print(a / b)
for a, b in [(2**2000, 3), (2**1100, 2**76), (1, 0)]:
    try:
        print(a / b)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
