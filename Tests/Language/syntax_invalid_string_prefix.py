x = 1
s = z"text"
