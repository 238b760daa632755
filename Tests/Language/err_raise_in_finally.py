try:
    x = 1
finally:
    raise ValueError("from finally")
