parts = []
for i in range(5):
    parts.append(f"item{i}")
print(", ".join(parts))
s = ""
for ch in "abc":
    s += ch * 2
print(s)
table = [["name", "qty"], ["apple", 3], ["kiwi", 12]]
for row in table:
    print(" | ".join(str(c).ljust(6) for c in row))
print("\n".join(["line1", "line2"]))
lines = "a=1\nb=2\n\nc=3".splitlines()
cfg = dict(line.split("=") for line in lines if line)
print(cfg)
print("-".join(map(str, range(3))), str(12).rjust(5, "0"), "{:-^20}".format(" title "))
