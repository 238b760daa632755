try:
    lenn
except NameError as e:
    print(e)
print(lenn([1]))
