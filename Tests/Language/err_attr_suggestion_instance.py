class P:
    def __init__(self):
        self.name = "n"

p = P()
print(p.nmae)
