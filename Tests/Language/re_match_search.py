import re
m = re.match(r"(\w+)@(\w+)\.com", "alice@example.com trailing")
print(m.group(0), m.group(1), m.group(2), m.groups(), m.span(), m.start(2), m.end())
print(re.match(r"\d+", "abc"), re.search(r"\d+", "abc 123 def").group(), re.fullmatch(r"\d{3}", "123") is not None)
s = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "on 2024-07-04")
print(s.group("year"), s["month"], s.groupdict(), s.lastindex)
print(bool(re.search("^b", "abc")), bool(re.search("^b", "a\nb", re.M)), bool(re.match("A", "a", re.I)))
