print(max(3, 7, 5), min(3, 7, 5), max([1, 9, 2]), min("hello"), max("abc", "abd"))
print(max([], default="empty"), min((), default=None), max([2], default=0))
words = ["pear", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: w[-1]))
print(max([(1, "b"), (1, "a")]), min([[2, 1], [1, 5]]), max(1, 2.5, True))
print(max({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
