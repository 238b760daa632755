for i in range(3):
    print("loop", i)
else:
    print("else after complete loop")
for i in range(5):
    if i == 2:
        print("break at", i)
        break
else:
    print("not printed")
for x in []:
    print("never")
else:
    print("empty loop else")
for i in range(4):
    if i % 2:
        continue
    print("even", i)
else:
    print("done", i)
def find(items, target):
    for idx, it in enumerate(items):
        if it == target:
            return idx
    else:
        return -1
print(find("abc", "c"), find("abc", "z"))
