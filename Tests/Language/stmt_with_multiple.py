class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("inside", a, b)
with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("boom")
print("after suppressed")
try:
    with CM("c"):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)
