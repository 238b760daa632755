count = 3
result = count(4)
