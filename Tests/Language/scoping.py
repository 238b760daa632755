x = "global"
def read_global():
    return x
def local_shadow():
    x = "local"
    return x
print(read_global(), local_shadow(), x)
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return bump, get
b, g = counter()
b(); b()
print(g())
def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add
add = make()
print(add(1), add(2))
class K:
    attr = 5
    doubled = attr * 2
    names = [attr for _ in range(2)] if False else None
    def method(self):
        return self.attr + K.doubled
print(K().method(), K.doubled)
for i in range(3):
    pass
print(i)
def gen_scope():
    return [j for j in range(3)]
print(gen_scope())
