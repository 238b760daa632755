def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 42)])
x = 7
if x > 5: print("one-line if")
if not []: print("empty is falsy")
if "" or 0 or None or 0.0 or {}:
    print("never")
else:
    print("all falsy")
y = "a" if x else "b"
print(y, "t" if [] else "f", 1 if 0 else 2 if 0 else 3)
