z = 1 + 2j
print(z, repr(z), type(z).__name__, isinstance(z, complex))
print(z.real, z.imag, z.conjugate())
print(2j, 0j, -0j, 1j * 1j, -1j, 1.5j, 1e3j, 1_0j)
print(complex(1, 2), complex(), complex(3), complex(2.5, -1), complex("1+2j"), complex(" -3.5j "), complex("(4-2.5j)"))
print(complex("inf+nanj"), complex(float("nan"), float("inf")), complex(-0.0, 0.0), complex(0.0, -0.0))
print(z + 1, z - 1.5, 2 * z, z * z, z / 2, z / (3 - 4j), 1 / z)
print(abs(3 + 4j), abs(-2j), abs(complex(float("inf"), float("nan"))))
print(z ** 2, z ** 0, z ** -1, (1j) ** 2, 2 ** 1j, z ** 0.5, z ** z)
print((-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5)
print(z == 1 + 2j, z != 1 + 2j, complex(2, 0) == 2, 2.0 == complex(2), 1j == 1)
print(-z, +z, bool(0j), bool(z), bool(complex(0, -0.0)))
print(sum([1j, 2, 3.5, 1 - 1j]))
print([c.imag for c in (1j, 2 + 3j, complex(4))])
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5))
print(f"{z}", str(z), "%s" % (z,), "{}".format(z), [z, 3j])
print(complex(1e300, 1e300) * 10, 1e-320j, complex(1, 1e16), complex(123456789012345678, 1))
print(pow(1j, 3), pow(2 + 2j, 2), divmod(7, 2))
try:
    z < 1j
except TypeError as e:
    print("TypeError:", e)
try:
    z // 2
except TypeError as e:
    print("TypeError:", e)
try:
    1j / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(z)
except TypeError as e:
    print("TypeError:", e)
try:
    complex("1+2x")
except ValueError as e:
    print("ValueError:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
