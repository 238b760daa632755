print((10).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((7).conjugate(), (5).real, (5).imag, (3).numerator, (3).denominator, abs(-7))
print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio(), (-2.0).as_integer_ratio(), (1.5).real)
print(int(2.9e3), float("1_000.5"), round(1.23456, 2))
