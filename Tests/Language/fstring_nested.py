items = {"apple": 1.5, "kiwi": 0.25, "watermelon": 12}
width = max(len(k) for k in items)
for name, price in items.items():
    print(f"{name:<{width}} | {price:>8.2f} | {'cheap' if price < 1 else 'ok':^7} |")
print(f"{'-' * (width + 22)}")
print(f"Total: {sum(items.values()):.2f} ({len(items)} items)")
n = 3
print(f"{n!r:>5}{n:<3}|{n:^5}|{str(n) * n}")
print(f"{items['kiwi']:.1%}", f"{10**10:,}", f"{-1234.5:,.1f}", f"{0.000001:.2e}")
