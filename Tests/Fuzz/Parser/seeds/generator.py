def g():
    x = yield 1
    yield from [x, 2]
    return 3
print(list(g()))
