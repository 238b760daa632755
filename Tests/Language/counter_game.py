from collections import Counter
text = "the rain in spain falls mainly on the plain the end"
words = text.split()
c = Counter(words)
for word, n in c.most_common(3):
    print(word, n)
letters = Counter(ch for ch in text if ch.isalpha())
print(letters.most_common(4))
print(sum(letters.values()), len(letters), letters["z"])
