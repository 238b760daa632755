total = 0
def add(n):
    global total
    total += n
add(5); add(7)
print(total)
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def make():
    global created
    created = "yes"
make()
print(created)
counter = 0
def bump():
    global counter
    for _ in range(3):
        counter += 1
bump()
print(counter)
