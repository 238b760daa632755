records = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3), ("f", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted("hello world"), sorted([3, 1, 2], reverse=True), sorted({3: "a", 1: "b"}))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
data = [5, 3, 8, 1]
data.sort(key=lambda v: -v)
print(data, sorted([]), sorted([1.5, -2, 0, True]))
print(list(reversed(sorted(records)))[:2])
