p = r"C:\new\table"
print(p, len(p), repr(p))
print(r"\d+\.\d*", R"\\")
print(rb"\x00", Rb"raw\n")
print(r"""raw
triple \n""")
print("%r" % r"a\tb")
