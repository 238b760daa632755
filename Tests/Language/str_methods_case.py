s = "hello World of mfs"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ÉCOLE".lower(), "straße".upper(), "o'neil mc-d".title(), "a1b2".upper())
print(s.startswith("hello"), s.endswith(("mfs", "x")), s.startswith("World", 6), "".startswith(""))
