print(1 == 1.0, 1 == True, 0 == False, 1 == "1", None == 0, [] == [], [] == (), {} == {})
print((1, 2) < (1, 2, 0), (1, "a") < (1, "b"), [3] > [2, 9], "Z" < "a", "abc" < "abd", "" < "a")
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} == frozenset([1]), {1: 2} == {1: 2.0})
print(max("apple", "banana"), min([3, 1], [2, 9]), sorted([(2, "b"), (1, "z"), (2, "a")]))
for a, b in [(1, "x"), ([1], (1,)), (None, 0)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
