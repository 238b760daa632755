class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
def fetch(k):
    if k == "missing":
        raise NotFound(404, f"{k} not found")
    if k == "bad":
        raise ValueError("bad key")
    return k.upper()
for k in ["ok", "missing", "bad"]:
    try:
        print(fetch(k))
    except AppError as e:
        print("AppError", e.code, e, e.args, type(e).__name__, isinstance(e, Exception))
    except Exception as e:
        print("Other", repr(e))
try:
    raise NotFound(1, "x")
except (KeyError, AppError) as e:
    print("tuple catch", e)
print(issubclass(NotFound, AppError), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
try:
    [][0]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
