b = b'\x00\xff\N{DASH}\u1234'
r = rb'\q'
print(b, r)
