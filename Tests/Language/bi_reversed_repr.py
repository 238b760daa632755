print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(repr("it's"), repr('say "x"'), repr("both ' \""), repr("\t\x00\u00e9\u2603"), ascii("é☃"))
print(repr(1.0), repr([1, "a", None]), repr({"k": (1,)}), repr(set()), repr(frozenset()), repr(()))
print(str(b"x"), repr(b"x"), str([1.5]), repr(range(3)), repr(range(1, 5, 2)))
