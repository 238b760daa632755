a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print({**a, **b}, {**b, **a}, {**a, "w": 0}, a | b, b | a)
c = dict(a)
c |= b
print(c, dict(a, q=5), dict([("k", 1)], k2=2))
def show(**kw):
    return sorted(kw)
print(show(**a, **{"m": 1}))
