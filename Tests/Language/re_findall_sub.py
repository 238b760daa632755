import re
text = "cat bat rat, 12 apples and 345 pears"
print(re.findall(r"\b\w at\b".replace(" ", ""), text), re.findall(r"\d+", text), re.findall(r"(\w)(\d)", "a1 b2"))
print(re.sub(r"\d+", "N", text), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.subn("a", "A", "banana"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), text), re.split(r"[,\s]+", "a, b  c,d"), re.split(r"(-)", "1-2"))
print([m.group() for m in re.finditer(r"[aeiou]", "education")], re.escape("a.b*c"))
p = re.compile(r"(\d+)-(\d+)")
print(p.findall("1-2 and 30-40"), p.sub(r"\2:\1", "5-6"), p.pattern)
