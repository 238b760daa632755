from datetime import datetime

cases = [
    ("2024-13-01", "%Y-%m-%d"),
    ("2024-02-30", "%Y-%m-%d"),
    ("2023-02-29", "%Y-%m-%d"),
    ("2024-01-01 24:00", "%Y-%m-%d %H:%M"),
    ("2024-01-01 23:60", "%Y-%m-%d %H:%M"),
    ("2024-01-01 23:59:60", "%Y-%m-%d %H:%M:%S"),
    ("2024-01-01 23:59:62", "%Y-%m-%d %H:%M:%S"),
    ("2024-01-01extra", "%Y-%m-%d"),
    ("2024-01-01 ", "%Y-%m-%d"),
    ("2024-01-01", "%Y-%m-%d %H"),
    ("24", "%Y"),
    ("2024-1-1.1234567", "%Y-%m-%d.%f"),
    ("13:00 PM", "%I:%M %p"),
    ("00:00 AM", "%I:%M %p"),
    ("Foo 1 2024", "%b %d %Y"),
    ("2024 367", "%Y %j"),
    ("2024 000", "%Y %j"),
    ("2024-01-01", "%Y-%m-%d %Q"),
    ("2024", "%Y%"),
    ("2024", "%"),
    ("2024 1", "%Y % d"),
    ("2024.1", "%Y%.%m"),
    ("2024-01-01", "%Y-%m-%d%"),
    ("2024-01-01 EST", "%Y-%m-%d %Z"),
    ("2024-01-01 +01:0030", "%Y-%m-%d %z"),
    ("2024-01-01 +2400", "%Y-%m-%d %z"),
    ("2024-01-01 z", "%Y-%m-%d %z"),
    ("2024-01-01 +1", "%Y-%m-%d %z"),
    ("0000-01-01", "%Y-%m-%d"),
    ("2024'01", "%Y'%m"),
    ("29 Feb", "%d %b"),
    ("Feb 29 2023", "%b %d %Y"),
]
for s, f in cases:
    try:
        print(repr(datetime.strptime(s, f)))
    except ValueError as e:
        print("ValueError:", e)
for bad in [(5, "%d"), ("5", 5), (None, "%d")]:
    try:
        datetime.strptime(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    datetime.strptime("2024")
except TypeError as e:
    print("TypeError:", e)
