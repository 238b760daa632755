class AppError(Exception):
    pass

def check(v):
    if v < 0:
        raise AppError(f"negative: {v}")
    return v

print(check(1))
check(-5)
