s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, list(range(10))[s], "abcdefghij"[s])
print(slice(3), slice(None, None, -1), slice(2, None).indices(5), slice(-3, None, None).indices(10))
print(slice(None, None, -1).indices(4), [1, 2, 3][slice(None, None, -1)])
