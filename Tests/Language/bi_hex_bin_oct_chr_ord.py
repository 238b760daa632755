print(hex(255), hex(-1), hex(0), bin(10), bin(-10), oct(64), oct(-8), hex(2 ** 70))
print(chr(65), chr(0x263A), chr(97 + 25), ord("A"), ord("é"), ord("\n"), ord("\u263a"))
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
