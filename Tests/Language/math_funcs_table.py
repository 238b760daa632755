import math
for x in [0.5, 1, 2, 10, 100]:
    print(f"{x:>6} {math.sqrt(x):10.5f} {math.log(x):10.5f} {math.exp(min(x, 20)):14.5g} {math.sin(x):8.4f}")
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(2.9), round(math.pi, 4), math.pi * 2 == math.tau)
print(math.log(10 ** 100), math.log10(10 ** 50), math.sqrt(10 ** 20))
