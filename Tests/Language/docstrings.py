"""Module docstring."""
def documented(a):
    """Return a doubled.

    More details here.
    """
    return a * 2

class Thing:
    """A thing."""
    def method(self):
        "Single-quoted docstring."
        return 1

def undocumented():
    return 0

print(__doc__)
print(documented.__doc__)
print(Thing.__doc__, Thing.method.__doc__, Thing().method.__doc__, undocumented.__doc__)
print(documented(21))
