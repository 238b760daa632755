for a in (7, -7):
    for b in (2, -2):
        print(a, b, a // b, a % b, divmod(a, b))
for a in (7.5, -7.5):
    for b in (2, -2.0):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 3, 1 // -3, -1 % 3, 1 % -3, 0 // -5, -0.0 // 1)
print(10 ** 20 // -3, -(10 ** 20) % 7, (-10) ** 21 // 10 ** 10)
print(5 % 0.3, -5 % 0.3, 1e300 % 7, 3.0 // 0.1)
