rows = [("alpha", 1234.5678, 0.12345), ("beta", -42.0, 0.5), ("gamma", 1e6, 1.0)]
print(f"{'name':<8}|{'value':>12}|{'pct':>8}|")
print("-" * 31)
for name, v, p in rows:
    print(f"{name:<8}|{v:>12,.2f}|{p:>8.1%}|")
print(f"{'total':<8}|{sum(r[1] for r in rows):>12,.1f}|{'':>8}|")
print("{:^31}".format("centered"), "{:=^31}".format(" eq "))
