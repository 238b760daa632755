d = {"a": 1}
d.nope()
