import math
print(math.tau > 6)
math.nope
