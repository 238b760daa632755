x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
f = 1.5
f /= 2; f += 0.25
print(f)
b = 0b1010
b &= 0b0110; b |= 0b1000; b ^= 0b0011; b <<= 2; b >>= 1
print(b)
s = "ab"
s += "cd"; s *= 2
print(s)
l = [1]
alias = l
l += [2, 3]
l *= 2
print(l, alias is l)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"k": 0}
d["k"] += 5
print(d)
class C:
    v = 1
c = C()
c.v += 10
print(c.v, C.v)
