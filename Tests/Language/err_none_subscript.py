def find(x):
    if x > 0:
        return {"v": x}

print(find(1)["v"])
print(find(-1)["v"])
