def attempt(v):
    try:
        r = 10 / v
    except ZeroDivisionError:
        print("zero")
        return "handled"
    except (TypeError, ValueError) as e:
        print("bad type:", type(e).__name__)
        return "typed"
    else:
        print("no error", r)
        return "ok"
    finally:
        print("finally for", repr(v))
print(attempt(2), attempt(0), attempt("x"))
def override():
    try:
        return "try"
    finally:
        print("cleanup runs before return")
print(override())
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
