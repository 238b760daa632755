items = ["apple", 3, 2.5, None, ("t", 1)]
for it in items:
    print(f"{it!r:>20}|{it!s:<12}|")
print(f"{'x'!r:^9}", f"{None!r:>6}")
