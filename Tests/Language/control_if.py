for x in [-5, 0, 3, 10, 100]:
    if x < 0:
        print(x, "negative")
    elif x == 0:
        print(x, "zero")
    elif x < 10:
        print(x, "small")
    else:
        print(x, "large")
y = 5
if y: print("truthy")
if not []: print("empty list is falsy")
print("yes" if y > 3 else "no", "a" if None else "b")
