# statistics: quantiles and the rest of the module, exact to the last bit as CPython's Fraction sums are.
import math
import statistics as st

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 3, 4, 4, 7, 9, 12, 15, 21]
tricky = [0.1] * 10 + [1e16, 1.0, -1e16, 3.3]
for method in ["exclusive", "inclusive"]:
    for n in [1, 2, 4, 5, 10]:
        print(method, n, st.quantiles(ints, n=n, method=method), st.quantiles(data, n=n, method=method))
print(st.quantiles(range(1, 101), n=100)[:5], st.quantiles([1, 2]), st.quantiles([5, 1], n=3, method="inclusive"))
print(st.quantiles(iter([3.5, 1, 2, 10]), n=4), st.quantiles(tricky, n=3))
for xs in [data, ints, tricky, [1, 2], [10 ** 20, 10 ** 20 + 1, 3], [1.5, 2, 3]]:
    print(st.mean(xs), st.fmean(xs), st.median(xs), st.median_low(xs), st.median_high(xs))
    print(st.variance(xs), st.pvariance(xs), st.stdev(xs), st.pstdev(xs))
print(st.mean([1, 2, 3, 4]), st.mean([1, 2]), st.variance([1, 2, 3, 4, 5]), st.pvariance([1, 2, 3, 4]), st.variance([0, 0]))
print(st.variance(data, st.mean(data)), st.pvariance(ints, mu=8), st.stdev(ints, 9.5), st.pstdev([1.5, 2.5], 2))
print(st.mean([1, float("inf")]), st.variance([1, float("nan"), 2]), st.pvariance([1, float("inf")]))
print(st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]), st.fmean(iter(ints)), st.geometric_mean([54, 24, 36]))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2.5]), st.harmonic_mean([1, 0, 3]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2), st.median_grouped([2.5]))
print(st.mode([1, 2, 2, 1]), st.mode("abracadabra"), st.mode([3.5]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x), st.correlation(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), st.correlation(x, y))
lr = st.linear_regression([1, 2, 3, 4, 5], [3.1, 4.9, 7.2, 8.8, 11.1])
print(lr, lr.slope, lr.intercept, st.linear_regression(x, [2 * v for v in x], proportional=True))
print(math.fsum([0.1] * 10), math.fsum(tricky), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]), math.fsum([float("nan"), 1]))
errors = [
    lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([1, 2], method="linear"),
    lambda: st.quantiles([1, 2], 4), lambda: st.mean([]), lambda: st.mean(["a"]), lambda: st.variance([1]),
    lambda: st.pvariance([]), lambda: st.stdev([2]), lambda: st.pstdev([]), lambda: st.fmean([]), lambda: st.mode([]),
    lambda: st.geometric_mean([1, -1]), lambda: st.harmonic_mean([1, -1]), lambda: st.harmonic_mean([]),
    lambda: st.median([]), lambda: st.covariance([1], [1]), lambda: st.correlation([1, 2], [1]),
    lambda: st.correlation([1, 1], [1, 2]), lambda: st.linear_regression([1, 1], [1, 2]), lambda: st.fmean([1], weights=[0]),
    lambda: math.fsum([float("inf"), float("-inf")]), lambda: math.fsum([1e308, 1e308]), lambda: math.fsum(["x"]),
]
for i, call in enumerate(errors):
    try:
        print(i, call())
    except Exception as e:
        print(i, type(e).__name__, e)
