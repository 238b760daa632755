def documented(a, b=2, *args, key=None, **kw):
    """Adds things.

    More details here.
    """
    return a
help(documented)
def nodoc(x):
    pass
help(nodoc)
print(documented.__doc__)
print(nodoc.__doc__)
