for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 5.5]:
    print(v, round(v), type(round(v)).__name__)
print(round(2.5, 0), round(3.14159, 3), round(1.005, 2), round(123.456, 1), round(-123.456, -1))
print(round(15, -1), round(25, -1), round(35, -1), round(-25, -1), round(149, -2), round(150, -2))
print(round(10 ** 20 + 5, -1), round(0.0), round(1e20))
