b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3])
print(list(b"abc"), bytes([65, 66, 67]), bytes(3))
print(b"a" + b"b", b"ab" * 2, b"x" in b"xyz", b"abc".upper())
print(b"a,b,c".split(b","), b" pad ".strip(), b"abc".decode(), "é".encode())
print(b"abc".hex(), bytes.fromhex("414243"), b"hello".find(b"l"), b"hello".count(b"l"))
print(repr(b"'"), repr(b'"'), repr(b"\t\n\r"), b"abc" == b"abc", b"abc" < b"abd")
print(b"hello".startswith(b"he"), b"hello".replace(b"l", b"L"), b"-".join([b"a", b"b"]))
