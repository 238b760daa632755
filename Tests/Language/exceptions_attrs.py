try:
    int("x")
except ValueError as e:
    print(type(e), type(e).__name__, e.args, str(e))
try:
    [].pop()
except IndexError as e:
    print(repr(e))
try:
    {}.pop("k")
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print(type(e).__name__, e)
errors = [ValueError("v"), TypeError("t"), KeyError("k"), ZeroDivisionError()]
for err in errors:
    try:
        raise err
    except (ValueError, TypeError) as e:
        print("VT", e)
    except LookupError as e:
        print("lookup", e)
    except Exception as e:
        print("other", type(e).__name__, repr(e))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(Exception, BaseException))
print(isinstance(KeyboardInterrupt(), Exception), ValueError.__name__, Exception("a", 1))
