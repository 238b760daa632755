def a(n):
    return b(n) * 2

def b(n):
    return c(n) + 1

def c(n):
    return [0][n]

print(a(0))
print(a(1))
