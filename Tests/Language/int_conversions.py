print(int("0b101", 0), int("0o17", 0), int("0x1F", 16), int("z", 36), int("1_000"), int(-3.99), int("-0"))
print(str(-0), str(10 ** 20), repr(-5), float("1e3"), float("-inf"), float(".5"), float("5."))
print(int(2 ** 63), int(-2 ** 63 - 1), float(2 ** 63), int(1e20), int(-1.5e19))
for s in ["12a", "", " ", "1.5", "0x10"]:
    try:
        int(s)
    except ValueError as e:
        print(e)
for s in ["abc", "1e", ""]:
    try:
        float(s)
    except ValueError as e:
        print(e)
print((255).bit_length(), (-1).bit_length(), (0).bit_length(), (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"))
print(round(12.5), round(13.5), round(-12.5), round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1e20))
print(7 .__class__.__name__ if False else "skip", 10 ** -1, (-8) ** (1 / 3) if False else "skip2")
