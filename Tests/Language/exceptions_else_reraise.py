def process(x):
    try:
        value = int(x)
    except ValueError:
        print("cannot parse", repr(x))
        raise
    else:
        print("parsed", value)
        return value
    finally:
        print("done with", repr(x))

print(process("12"))
try:
    process("zz")
except ValueError as e:
    print("re-raised:", e)
try:
    try:
        raise TypeError("first")
    except TypeError as e:
        raise RuntimeError("second") from e
except RuntimeError as e:
    print(e, "<-", e.__cause__)
