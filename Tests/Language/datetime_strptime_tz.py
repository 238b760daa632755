from datetime import datetime, timedelta

fmt = "%Y-%m-%d %H:%M:%S %z"
for off in ["+0100", "-0530", "-05:30", "+00:00", "+0000", "Z", "+000001", "+01:02:03", "+00:00:01.5", "-01:00:00.000250", "+2359"]:
    d = datetime.strptime("2024-03-10 08:15:00 " + off, fmt)
    print(off, repr(d))
    print("  str", d, "iso", d.isoformat(), "tz", d.tzinfo, repr(d.tzinfo))
    print("  utcoffset", d.utcoffset(), "tzname", d.tzname(), "dst", d.dst(), "strftime", d.strftime("%z %Z"))

named = datetime.strptime("2024-03-10 UTC +0200", "%Y-%m-%d %Z %z")
print(repr(named), named, named.tzname())
a = datetime.strptime("2024-03-10 10:00 +0200", "%Y-%m-%d %H:%M %z")
b = datetime.strptime("2024-03-10 08:00 Z", "%Y-%m-%d %H:%M %z")
c = datetime.strptime("2024-03-10 09:00 +0000", "%Y-%m-%d %H:%M %z")
print(a == b, a < c, c - a, a - c, b.timestamp(), a.timestamp())
print(a + timedelta(hours=20), repr(a - timedelta(days=1)))
print(sorted([c, a]) == [a, c], len({a, b, c}))
naive = datetime(2024, 3, 10, 8, 0)
print(a == naive, a != naive)
for op in [lambda: a < naive, lambda: a - naive, lambda: naive - a]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
print(repr(a.replace(tzinfo=None)), repr(a.replace(hour=1)), repr(naive.replace(tzinfo=b.tzinfo)))
print(f"{a:%H:%M%z}", a.date(), a.hour)
from datetime import timezone
print(datetime.strptime("Z", "%z").tzinfo is timezone.utc, isinstance(a.tzinfo, timezone), a.tzinfo == timezone(timedelta(hours=2)))
