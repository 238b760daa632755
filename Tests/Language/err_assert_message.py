def check(values):
    assert isinstance(values, list), f"expected list, got {type(values).__name__}"
    return len(values)
print(check([1, 2]))
print(check((1, 2)))
