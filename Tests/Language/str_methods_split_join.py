print("a,b,,c".split(","), "a b  c ".split(), " x ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines(), "l1\nl2\n".splitlines(True), "".split(), "".split(","))
print("-".join(["a", "b"]), "".join([]), ", ".join(str(i) for i in range(3)))
print("key=value=x".partition("="), "no".partition("="), "a.b.c".rpartition("."))
