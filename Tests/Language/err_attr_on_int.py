count = 5
print(count.real)
count.append(6)
