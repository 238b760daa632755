class Cfg:
    debug = False
    def __init__(self):
        self.level = 3
c = Cfg()
print(getattr(c, "level"), getattr(c, "missing", "fallback"), getattr(c, "debug"), hasattr(c, "level"), hasattr(c, "nope"))
setattr(c, "extra", [1])
print(c.extra, getattr(Cfg, "debug"), getattr("abc", "upper")())
delattr(c, "extra")
print(hasattr(c, "extra"), getattr(c, "extra", None))
try:
    getattr(c, "absent")
except AttributeError as e:
    print("AttributeError:", e)
