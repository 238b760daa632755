x = 42
name = "world"
pi = 3.14159265
print(f"hello {name}!")
print(f"{x} {x + 1} {x * 2:5d} {pi:.3f} {pi:10.2f}|")
print(f"{name!r} {name!s} {name:>10} {name:<10}| {name:^11}|")
print(f"{x:08.2f} {x:+d} {-x:d} {x:x} {x:X} {x:o} {x:b} {x:#x}")
print(f"{1234567:,} {1234567.891:,.2f} {0.256:.1%} {1e6:.2e} {12345.678:g}")
print(f"{{literal braces}} {x}")
d = {"k": [1, 2, 3]}
print(f"{d['k'][1]} {len(d)} {d}")
print(f"{x=} {pi=:.2f} {name = }")
w = 8
print(f"{pi:{w}.{3}f}|{'nested':>{w}}|")
print(f"{'a' if x > 10 else 'b'}")
print(f"{[i * i for i in range(4)]}")
print(f"{name!r:>20}|")
print(f"""multi
{x}""")
