class Config:
    defaults = {"a": 1}
    def __init__(self, **kw):
        self.values = dict(self.defaults)
        self.values.update(kw)
    def __getattr__(self, name):
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name)
c = Config(b=2)
print(c.a, c.b, hasattr(c, "zzz"), getattr(c, "zzz", "dflt"))
class Slotted:
    count = 0
    def __init__(self):
        Slotted.count += 1
        self.id = Slotted.count
objs = [Slotted() for _ in range(3)]
print([o.id for o in objs], Slotted.count, objs[0].count)
setattr(objs[0], "extra", 42)
print(objs[0].extra, sorted(vars(objs[0]).items()))
