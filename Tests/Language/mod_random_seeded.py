# random: CPython's Mersenne Twister gives the same draws for the same seed.
import random

for seed in [0, 1, 42, -42, 2 ** 32, 2 ** 64 + 7, 10 ** 40, True, 3.5, -0.25, "metaflow", b"bytes", ""]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(7), random.getrandbits(45), random.getrandbits(100))

random.seed(12345)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)], random.randrange(5, 100, 7), random.randrange(100, 5, -3))
print(random.randrange(10 ** 30), random.randint(-10 ** 20, 10 ** 20))
print(random.choice("abcdefg"), random.choice([1, 2, 3]), random.choice(range(1000)))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 10), random.sample("abcdefghij", 4), random.sample(range(10 ** 6), 8))
print(random.sample(["a", "b"], k=5, counts=[3, 4]))
print(random.choices("xyz", k=6), random.choices([1, 2, 3], weights=[1, 0, 5], k=5))
print(random.choices(["lo", "hi"], cum_weights=[0.2, 1.0], k=4))
print(random.uniform(1, 3), random.uniform(2.5, -1), random.triangular(), random.triangular(0, 10, 2))
print(random.gauss(), random.gauss(5, 2), random.gauss(0, 1), random.normalvariate(1, 0.5))
print(random.lognormvariate(0, 1), random.expovariate(1.5), random.vonmisesvariate(1, 4), random.gammavariate(2.5, 1))
print(random.gammavariate(0.5, 2), random.gammavariate(1, 3), random.betavariate(2, 3), random.paretovariate(3))
print(random.weibullvariate(1, 1.5), random.randbytes(6))

state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)], len(state[1]), state[0])

rng = random.Random(7)
other = random.Random(7)
print(type(rng).__name__, isinstance(rng, random.Random), rng.random() == other.random(), rng.randint(0, 99))
random.seed(7)
print(random.random(), random.Random(7).random())
print(random.Random().random() != random.Random().random())

random.seed("same", version=1)
print(random.random())
