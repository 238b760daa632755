print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36), int("0x1A", 16))
print(int("0o17", 0), int("0b11", 0), int("42", 0), int("-0x10", 16), int("1_000", 10), int(" +7 "))
print(int(3.9), int(-3.9), int("10", base=3), int(b"12") if False else "skip")
for bad in ["", "12a", "1.5", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
