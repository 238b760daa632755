def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][1]
    if kind == "type":
        return 1 + "a"
    if kind == "zero":
        return 1 // 0
    if kind == "attr":
        return (1).nope
    return "fine"
for kind in ["key", "index", "type", "zero", "attr", "ok"]:
    try:
        result = risky(kind)
    except (KeyError, IndexError) as e:
        print(kind, "lookup error:", type(e).__name__, e)
    except TypeError as e:
        print(kind, "type error:", e)
    except ArithmeticError as e:
        print(kind, "arith:", e)
    except Exception as e:
        print(kind, "other:", e)
    else:
        print(kind, "ok:", result)
