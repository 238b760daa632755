s = "héllo"
n = 42
print(f"{s!r} {s!s} {s!a}")
print(f"{n!r} {n!s} {[1, 'a']!r}")
print(f"{'quoted'!r:>12}|{s!s:^9}|")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p!r} {p!s}", str(p), repr(p))
