def make_counter(start=0, step=1):
    value = start
    def nxt():
        nonlocal value
        value += step
        return value
    def reset():
        nonlocal value
        value = start
    return nxt, reset

inc, reset = make_counter(10, 5)
print(inc(), inc(), inc())
reset()
print(inc())
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print({k: f(100) for k, f in adders.items()})
