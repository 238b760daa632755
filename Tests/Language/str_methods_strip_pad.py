s = "  \t padded \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), "xxhixx".strip("x"), "abcba".strip("ab"))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "ab".center(6) + "]", "[" + "ab".center(7, "*") + "]", "[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]")
print("a\tb\tc".expandtabs(4), repr("x\ty".expandtabs()))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "same".removeprefix("x"))
