print("{} {}".format(1, "a"), "{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
print("{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{:.2f} {:,} {:08.3f} {!r}".format(3.14159, 1234567, -2.5, "s"))
print("{{}} {}".format("braces"))
args = ("p", "q")
kw = {"z": 26}
print("{} {} {z}".format(*args, **kw))
