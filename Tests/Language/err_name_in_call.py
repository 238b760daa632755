def f():
    return g() + 1

def g():
    return missing

print("start")
f()
