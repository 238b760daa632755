from datetime import datetime, date

for s in ["2024-01-01T10:00:00+01:00", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00.5-0530",
          "2024-01-01T10:00+01", "2024-01-01 10:00:00+00:00", "2024-01-01T10:00:00+01:00:30.25",
          "2024-01-01T10:00:00.123+01:00", "2024-01-01T10:00:00-23:59", "2024-01-01T10:00:00+1",
          "2024-01-01T10:00:00+01:60", "2024-01-01T10:00:00+0100", "2024-01-01T10:00:00+010030", "2024-01-01T10:00:00+24:00",
          "2024-01-01T10:00:00+01:", "2024-01-01T10:00:00+01:00:00."]:
    try:
        d = datetime.fromisoformat(s)
        print(repr(d), d.isoformat(), d.utcoffset())
    except ValueError as e:
        print("ValueError:", e)
for s in ["2024-01-01", "2024-01-01T10:00:00+01:00", "2024-02-30"]:
    try:
        print(repr(date.fromisoformat(s)))
    except ValueError as e:
        print("ValueError:", e)
print(datetime.fromisoformat("2024-01-01T10:00:00+01:00") == datetime.fromisoformat("2024-01-01T09:00:00Z"))
