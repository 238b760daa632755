# `...` is the Ellipsis singleton, not None (numpy's X[..., 0] tells them apart).
x = ...
print(x, repr(x), x is Ellipsis, x is None, x == Ellipsis, x == None, bool(x), type(x).__name__)
print((1, ..., None), [..., ...], {...: 1}[Ellipsis], str(...))
def stub():
    ...
print(stub())
