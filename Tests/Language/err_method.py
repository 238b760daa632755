class Acc:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self

Acc().add(1).add("x")
