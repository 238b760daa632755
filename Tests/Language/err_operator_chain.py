a = 5
b = "x"
c = a * 2 - b
