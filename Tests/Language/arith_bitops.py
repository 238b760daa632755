a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1, -1 >> 10, 1 << 0)
print(bin(a & b), bin(a | b), bin(~0), hex(-255), oct(-8), (255).bit_length(), (-255).bit_length())
print((0).bit_length(), (2 ** 100).bit_length(), 5 & -3, -5 | 3, -5 ^ -3)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
