class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
with Resource("a") as r:
    print("inside", r.name)
with Resource("b") as r, Resource("c") as s:
    print("both", r.name, s.name)
with Resource("d"):
    raise KeyError("suppressed")
print("after suppressed")
try:
    with Resource("e"):
        raise ValueError("not suppressed")
except ValueError as e:
    print("caught", e)
def early():
    with Resource("f"):
        return "returned"
print(early())
