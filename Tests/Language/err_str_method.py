print("a,b".split(",").upper())
