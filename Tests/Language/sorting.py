people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
nums = [3.5, -1, 2, 0, 2.0, -1.5]
nums.sort()
print(nums)
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted("hello", reverse=True), sorted({3: "a", 1: "b"}))
print(sorted([True, False, 1, 0]), min([(2, "b"), (1, "z")]), max("apple", "pear", key=len))
data = [{"n": 2}, {"n": 1}]
data.sort(key=lambda d: d["n"])
print(data)
