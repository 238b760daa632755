xs = []
print(xs[-1])
