s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), "aaa".replace("a", "aa"))
print("tic-tac".translate(str.maketrans("tc", "TC")), "hello".translate({ord("l"): None}))
print("%s" % "x".join("abc"), "abc" * 0, "ab" * 3, "x" + "y" * 2)
print("Hello, {}!".format("you"), "{:>5}".format("r"), f"{'inner'}")
