log = []

def resource(name):
    log.append("open " + name)
    try:
        for i in range(1000000):
            yield i
    finally:
        log.append("close " + name)

for x in resource("a"):
    if x == 3:
        break
print(log)

def first_match(pred, it):
    for x in it:
        if pred(x):
            return x
    return None

print(first_match(lambda v: v > 10, resource("b")))
print(log)
gens = [resource(str(i)) for i in range(3)]
print([next(g) for g in gens])
for g in gens:
    g.close()
print(log)

def gen_with_state():
    state = {"n": 0}
    while state["n"] < 3:
        state["n"] += 1
        yield dict(state)
print([s["n"] for s in gen_with_state()])
print(list(zip(resource("z"), range(2))))
print(log[-2:])
