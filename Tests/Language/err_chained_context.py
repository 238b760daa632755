d = {}
try:
    d["missing"]
except KeyError:
    raise ValueError("lookup failed")
