total = 1 + \
    2 + \
    3
items = [
    1,
    2,  # comment inside brackets
    3,
]
call = max(
    4,
    5,
)
text = ("a"
        "b"
        'c')
if total > 5 and \
   call == 5:
    print(total, items, call, text)
d = {
    "k": [1,
          2],
}
print(d, len(
    "xyz"))
