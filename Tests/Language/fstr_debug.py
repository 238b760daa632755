x = 10
name = "mfs"
print(f"{x=}")
print(f"{x = }")
print(f"{name=}")
print(f"{x * 2 = }")
print(f"{x=:>5}")
print(f"{name=!s}")
