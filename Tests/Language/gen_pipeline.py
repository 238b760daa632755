def read_lines(text):
    for line in text.splitlines():
        yield line

def non_empty(lines):
    for line in lines:
        if line.strip():
            yield line.strip()

def parse(lines):
    for line in lines:
        name, _, value = line.partition("=")
        yield name.strip(), int(value)

text = """
a = 1
b = 22

c = 333
"""
pipeline = parse(non_empty(read_lines(text)))
print(dict(pipeline))

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

def squares():
    k = 0
    while True:
        yield k * k
        k += 1

print(list(take(6, squares())))
print(sorted(take(4, squares()), reverse=True))
print(any(x > 50 for x in squares()))
print(next(x for x in squares() if x > 1000))
evens = (x for x in squares() if x % 2 == 0)
print([next(evens) for _ in range(4)])
g = squares()
print(list(zip(g, "xyz")), next(g))
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
print(list(map(lambda x: x * 10, take(3, c))), next(c))
print(sum(take(100, counter())))
print(list(enumerate(take(3, squares()), start=1)))
