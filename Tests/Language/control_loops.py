total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
print(total)
for i in range(3):
    pass
else:
    print("for-else ran", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n < 2:
        break
print(n)
for i in range(2):
    for j in range(3):
        if j == 2:
            break
        print(i, j)
print(list(range(10, 0, -3)), list(range(0)), list(range(-3, 3)))
for ch in "hi":
    print(ch)
