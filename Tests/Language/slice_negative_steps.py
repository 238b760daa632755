s = list(range(10))
print(s[::-1], s[::-2], s[8:2:-2], s[-1:-4:-1], s[2:8:-1], s[-3:], s[:-3])
t = "abcdefgh"
print(t[::-1], t[1::3], t[-2::-3], t[100:], t[-100:2], t[3:3], t[::100])
print((1, 2, 3, 4)[::-2], range(10)[::-3], list(range(10)[2:-2:3]))
print(s[len(s):], s[-len(s)], s[5:-5], s[None:None:-1] == s[::-1])
