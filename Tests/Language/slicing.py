a = list(range(10))
print(a[2:8:2], a[::-1], a[8:2:-2], a[-3:], a[:-7], a[100:], a[-100:3], a[::3], a[5:5])
print(a[slice(1, 4)], a[slice(None, None, -3)], "abcdef"[-2::-2], (1, 2, 3, 4)[::2])
b = a[:]
b[2:5] = "xy"
print(b)
b[::3] = [0] * len(b[::3])
print(b)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, range(20)[s], repr(slice(3)))
print("hello"[1::2], b"bytes"[1:3], list(range(10))[-1:-5:-1])
