def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
def caesar(s, k):
    out = []
    for c in s:
        if c.isalpha():
            base = ord("a") if c.islower() else ord("A")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
def rle(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("mfs"))
print(caesar("Hello, World!", 3), caesar(caesar("Round Trip", 7), -7))
print(rle("aaabccddddd"), rle(""), sorted("listen") == sorted("silent"))
words = "the quick brown fox jumps over the lazy dog".split()
print(max(words, key=len), sorted(set(words)), " ".join(w[::-1] for w in words))
