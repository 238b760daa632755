def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        r = 10 / x
    except ValueError as e:
        print("value error", e)
        return "v"
    except (ZeroDivisionError, TypeError) as e:
        print("arith", type(e).__name__)
        return "a"
    else:
        print("no error", r)
        return r
    finally:
        print("finally", x)
print(f(0), f(2), f("s"))
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(g())
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise IndexError("outer")
except IndexError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
try:
    raise Exception("base")
except Exception as e:
    print(e.args, str(e), repr(e))
class MyErr(ValueError):
    pass
try:
    raise MyErr("custom")
except ValueError as e:
    print("caught subclass", type(e).__name__, isinstance(e, MyErr), isinstance(e, Exception))
try:
    {}["k"]
except LookupError as e:
    print("lookup", repr(e))
def nested():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(nested())
e = None
try:
    1 / 0
except ZeroDivisionError as err:
    e = err
print(repr(e))
try:
    raise TypeError
except TypeError as t:
    print(repr(t), str(t) == "")
