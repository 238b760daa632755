def parse(s):
    return int(s)

def total(items):
    return sum(parse(i) for i in items)

print(total(["1", "2"]))
print(total(["1", "x"]))
