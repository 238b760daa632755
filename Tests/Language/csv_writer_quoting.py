import csv


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


rows = [["a", "b c", 1, 2.5, None, True, ""], [""], [None], [], ["x\ry", "n\nl"], ["q'uote", 'd"q', "c,d"]]


def show(label, rows, **kw):
    s = Sink()
    try:
        w = csv.writer(s, **kw)
        for r in rows:
            w.writerow(r)
    except csv.Error as e:
        print(label, "csv.Error:", e)
    except TypeError as e:
        print(label, "TypeError:", e)
    print(label, repr("".join(s.parts)))


show("minimal", rows)
show("lf", rows, lineterminator="\n")
show("all", rows, quoting=csv.QUOTE_ALL)
show("nonnumeric", rows, quoting=csv.QUOTE_NONNUMERIC)
show("quotechar", rows, quotechar="'")
show("none-plain", [["a", "b"], [1, None]], quoting=csv.QUOTE_NONE)
show("none-needs-escape", [["a,b"]], quoting=csv.QUOTE_NONE)
show("none-escape", [["a,b", 'q"', "e\\"]], quoting=csv.QUOTE_NONE, escapechar="\\")
show("none-empty", [[""]], quoting=csv.QUOTE_NONE)
show("nodouble", [['a"b']], doublequote=False)
show("nodouble-escape", [['a"b', "c,d"]], doublequote=False, escapechar="\\")
show("noquotechar", [["a", "b,c"]], quotechar=None)
show("semicolon", [["a;b", "c,d"]], delimiter=";")
for kw in [dict(delimiter="ab"), dict(delimiter=""), dict(delimiter=1), dict(quotechar="ab"), dict(lineterminator=5),
           dict(quoting="x"), dict(quoting=7), dict(escapechar="ab")]:
    show(repr(kw), [["a"]], **kw)
print(issubclass(csv.Error, Exception), csv.Error.__name__)

d = Sink()
dw = csv.DictWriter(d, ["k", "v"], quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
dw.writeheader()
dw.writerow({"k": "a", "v": 1.5})
dw.writerow({"k": None})
print(repr("".join(d.parts)))
