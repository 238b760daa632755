n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 1:
        break
else:
    print("not printed")
print("n =", n)
i = 10
while i:
    i //= 2
    if i == 2:
        continue
    print(i)
else:
    print("end", i)
