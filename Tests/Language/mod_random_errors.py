# random: argument errors read as CPython's.
import random

calls = [
    lambda: random.choice([]),
    lambda: random.randrange(0),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(1, 10, 0),
    lambda: random.randrange(10, 1, 2),
    lambda: random.randrange(10, step=2),
    lambda: random.randint(1),
    lambda: random.randint(1, 2, 3),
    lambda: random.randint(1, b=2, c=3),
    lambda: random.sample({1, 2, 3}, 2),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample([1, 2], -1),
    lambda: random.sample(["a", "b"], 2, counts=[1]),
    lambda: random.sample(["a", "b"], 2, counts=[0, 0]),
    lambda: random.choices([1, 2], [1]),
    lambda: random.choices([1, 2], 3),
    lambda: random.choices([1, 2], [0, 0]),
    lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]),
    lambda: random.getrandbits(-1),
    lambda: random.seed([1, 2]),
    lambda: random.gammavariate(0, 1),
    lambda: random.expovariate(0),
    lambda: random.uniform(1),
    lambda: random.random(1),
    lambda: random.Random(1, 2),
    lambda: random.setstate((2, (), None)),
    lambda: random.setstate((4, (), None)),
]
for i, call in enumerate(calls):
    try:
        print(i, call())
    except Exception as e:
        print(i, type(e).__name__, e)
