def evens():
    n = 0
    while True:
        yield n
        n += 2

g = evens()
print([next(g) for _ in range(5)])
print(next(g), next(g))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(10)])
for i, v in enumerate(primes()):
    if i == 15:
        print("16th prime", v)
        break
print(list(zip(range(3), evens(), primes())))
