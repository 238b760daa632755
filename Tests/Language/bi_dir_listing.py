print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")])
class K:
    a = 1
    def m(self):
        pass
print([n for n in dir(K) if not n.startswith("_")], [n for n in dir(K()) if not n.startswith("__")])
x = 1
print("x" in dir(), "K" in dir())
