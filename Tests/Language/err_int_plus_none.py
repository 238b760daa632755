def total(xs):
    s = 0
    for x in xs:
        s = s + x
    return s

print(total([1, 2, None]))
