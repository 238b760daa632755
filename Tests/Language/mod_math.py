import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1))
print(math.factorial(20), math.gcd(12, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.fabs(-3), math.pow(2, 0.5), math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.isqrt(99))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3))
from math import sqrt, pi as PI
print(sqrt(9), PI)
