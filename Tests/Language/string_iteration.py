s = "héllo wörld"
print(len(s), s.upper(), s[1], s[-1], list(s)[:3], s.find("ö"), s.encode()[:4])
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print("".join(reversed(s)), s[::-1] == "".join(reversed(s)), sorted(set(s) - {" "}))
print(ord("ö"), chr(246), "\u00f6" == "ö", "日本語"[1], len("日本語".encode()))
vowels = sum(1 for c in s if c in "aeiouéö")
print(vowels, s.count("l"), s.replace("ö", "o"))
