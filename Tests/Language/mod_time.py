# time: clocks move forward, and the calendar functions match CPython's (the corpus runs with TZ=UTC).
import time

t0, p0, m0, n0 = time.time(), time.perf_counter(), time.monotonic(), time.time_ns()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.009, time.monotonic() > m0, time.time_ns() > n0)
print(type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__, abs(time.time_ns() / 1e9 - time.time()) < 1)
print(time.gmtime(0))
g = time.gmtime(1_700_000_123.9)
print(g, g.tm_year, g[0], g[-1], len(g), list(g)[:3], g.tm_zone, g.tm_gmtoff)
print(time.gmtime(-86_400 * 365), time.localtime(951_782_400), time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
print(time.gmtime(0) < (1971,), tuple(time.gmtime(10**9)), time.mktime(time.localtime(1_234_567_890)))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %p %%", g))
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 13, 5, 9, 3, 60, 0)), time.strftime("%Y", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(g), time.asctime((2000, 1, 9, 8, 7, 6, 6, 9, 0)), time.ctime(0), time.ctime(1e9))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)), time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, "UTC", 0)).tm_zone)
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.localtime().tm_year >= 2024, len(time.strftime("%H:%M")), len(time.asctime()), len(time.ctime()))
for call in [lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2020, 1, 1, 25, 0, 0, 0, 1, 0)),
             lambda: time.strftime("%Y", (1, 2)), lambda: time.strftime("%Y", [2020] * 9), lambda: time.gmtime("x"),
             lambda: time.gmtime(float("nan")), lambda: time.struct_time((1, 2)), lambda: time.time(1), lambda: time.mktime(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
