a = 'single'
b = "double"
c = """triple
double"""
d = \'\'\'triple
single\'\'\'
e = "it's" 'say "hi"'
f = ("implicit "
     "concatenation")
print(a, b, e, f)
print(c)
print(d)
print(repr(c), repr(d), repr(e))
print(len("tab\there"), "new\nline", "back\\slash")
print("\x41\u00e9\N{GREEK SMALL LETTER ALPHA}\101", repr("\0"), repr("\x7f"))
print('quote \' inside', "quote \" inside", repr('both \' and "'))
print("" == '', len(""), repr(""))
