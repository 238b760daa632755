import math
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.pi, math.e, math.tau, math.inf, round(math.sin(math.pi / 2), 10), math.cos(0), math.atan2(1, 1))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1), math.pow(2, 0.5))
print(math.factorial(20), math.gcd(12, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180), math.copysign(2, -0.0), math.fsum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.prod([1, 2, 3, 4]), math.floor(5), math.modf(2.5), math.frexp(8.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
