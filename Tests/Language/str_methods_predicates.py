for t in ["abc", "ABC", "Abc", "123", "12.5", "", " ", "a1", "Hello World", "½", "ⅷ", "\t\n"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isnumeric(), t.isdecimal(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle())
print("name_1".isidentifier(), "1name".isidentifier(), "abc".isascii(), "é".isascii(), "ok\n".isprintable())
