print({}[1])
