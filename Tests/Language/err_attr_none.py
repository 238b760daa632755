v = None
print(v.name)
