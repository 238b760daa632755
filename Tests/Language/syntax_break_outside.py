print("a")
for i in range(2):
    pass
break
