def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")

print(list(safe_div([(1, 2), (1, 0), (9, 3)])))

def validating(items):
    for i in items:
        if i < 0:
            raise ValueError(f"negative: {i}")
        yield i

try:
    for v in validating([1, 2, -3, 4]):
        print("got", v)
except ValueError as e:
    print("error", e)

def gen_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally runs at exhaustion")

print(list(gen_finally()))
