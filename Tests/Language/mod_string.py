# string: constants, capwords and Template.
import string
from string import Template

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation",
             "whitespace", "printable"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("hello   world  from metaflow"), string.capwords(" a-b c-d ", "-"), string.capwords("x,,y", ","), string.capwords(""))
t = Template("$who likes ${what}s, costs $$${price} in $place_1$")
print(t.template, t.get_identifiers(), t.is_valid(), Template("$who $$").is_valid())
print(t.safe_substitute(who="Tim", what="kung pao"), Template("$x and ${y}z").substitute({"x": 1, "y": [2]}))
print(Template("$a $b").substitute({"a": "dict", "b": "dict"}, b="keyword"), Template("${a}${a}").substitute(a=3.5))
print(Template("50$ off, $ $name").safe_substitute(name="n"), Template("$").safe_substitute(), Template("${bad name}").safe_substitute())
for template, args, kw in [("$who", (), {}), ("line one\n  $ two", (), {"x": 1}), ("$$ ${", (), {}), ("$x", ({"x": 1}, {}), {}),
                           ("ok $9", (), {}), ("$who", ({"what": 1},), {})]:
    try:
        print(Template(template).substitute(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
try:
    string.capwords()
except TypeError as e:
    print(e)
