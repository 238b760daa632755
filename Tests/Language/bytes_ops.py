b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b.upper(), b.split(), b.find(b"o"), b.count(b"o"))
print(b.decode(), b.hex(), bytes(3), bytes([65, 66]), b"a" + b"b", b"ab" * 2, b"x" in b"xyz", 120 in b"xyz")
print(list(b"abc"), b.startswith(b"he"), b.replace(b"l", b"L"), b"-".join([b"a", b"b"]), b" pad ".strip())
print(b == b"hello world", b < b"z", repr(b"\x00\n\t'"), "é".encode("utf-8"))
