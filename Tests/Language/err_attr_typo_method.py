names = ["a", "b"]
names.apend("c")
