print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(hash(1.0), hash(0.5), hash(-0.0), hash(True), hash(False), hash(1e100) == hash(int(1e100)))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash(10 ** 30) == hash(10 ** 30))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
