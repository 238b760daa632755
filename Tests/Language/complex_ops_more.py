import math
z = complex(3, -4)
print(z, abs(z), z.conjugate(), -z, z * 1j, z / 1j, z ** 3, 1j ** 0.5)
print((1 + 1j) ** 8, (2 + 3j) * (2 - 3j), (1e10 + 1j) / (1e-10 + 1j), complex(-1.5, 0.0), complex(0, -1))
print([complex(i, -i) for i in range(3)], sum(complex(i, i) for i in range(4)))
print(complex(1, 2) == complex(1.0, 2.0), 1 + 0j == 1, {1 + 0j: "a"}[1], (0j).real, (5j).imag)
print(complex("1e3-2.5e-1j"), complex("-j"), complex("+1.5"), complex(" (2+3J) "))
print((-1) ** 0.5, (-27) ** (1 / 3), (-4.0) ** 0.25, 2 ** (0.5 + 1j))
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    complex(1, "2")
except TypeError as e:
    print("TypeError:", e)
w = complex(1.5, -2.25)
print(f"{w:.2f}|{w:>20}|{w:<16}|{w:^18.1e}|{w:g}|{w:+.1f}|{1j:.0f}|{complex(1234.5, 1):,.1f}")
