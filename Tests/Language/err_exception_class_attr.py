class NotFound(Exception):
    """Raised when missing."""

def lookup(k):
    raise NotFound(f"no such key: {k!r}")

try:
    lookup("a")
except NotFound as e:
    print("caught:", e, NotFound.__doc__)
lookup("b")
