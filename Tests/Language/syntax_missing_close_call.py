print("a"
print("b")
