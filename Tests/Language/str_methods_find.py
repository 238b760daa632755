s = "abracadabra"
print(s.find("bra"), s.find("bra", 2), s.rfind("bra"), s.find("zz"), s.index("cad"), s.rindex("a"))
print(s.count("a"), s.count("bra"), s.count(""), s.count("a", 5), "aaa".count("aa"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
print("bra" in s, "" in s, s.find(""), s.find("", 50))
