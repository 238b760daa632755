x = 1
y = None
total = x * 2 + y
