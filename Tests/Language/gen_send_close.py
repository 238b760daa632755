def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count, average

a = averager()
next(a)
for v in [10, 20, 30, 45]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)

def guarded():
    try:
        while True:
            try:
                yield "tick"
            except KeyError as e:
                print("handled", repr(e))
    finally:
        print("guard closing")

g = guarded()
print(next(g))
print(g.throw(KeyError("k")))
g.close()
print("closed twice:", g.close())
try:
    next(g)
except StopIteration:
    print("finished generator raises StopIteration")

def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")
    return "inner-done"

def outer():
    result = yield from inner()
    print("outer got", result)
    yield 3

o = outer()
print(next(o))
o.close()
print(list(outer()))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise

s = stubborn()
next(s)
s.close()

def unstarted():
    print("never runs")
    yield 1
u = unstarted()
try:
    u.send(5)
except TypeError as e:
    print("TypeError:", e)
u.close()

def raises_stop():
    yield 1
    raise StopIteration("oops")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
