inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, float("-nan"))
print(1e308 * 10, -1e308 * 10, 2.0 ** 10000 if False else "skip")
print(max(1, inf), min(-inf, 5), sorted([3, inf, -inf, 0]))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.inf, -math.inf, math.nan)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
