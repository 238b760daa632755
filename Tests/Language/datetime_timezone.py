from datetime import datetime, timedelta, timezone

utc = timezone.utc
print(repr(utc), utc, utc.utcoffset(None), utc.tzname(None), utc.dst(None))
east = timezone(timedelta(hours=5, minutes=30))
west = timezone(timedelta(hours=-8), "PST")
print(repr(east), east, repr(west), west, west.tzname(None))
print(repr(timezone(timedelta(0))), timezone(timedelta(0)) is utc, timezone(timedelta(0)) == utc, east == timezone(timedelta(minutes=330)))
d = datetime(2024, 6, 1, 12, 0, tzinfo=east)
print(repr(d), d, d.isoformat(), d.utcoffset(), d.tzname())
print(isinstance(d.tzinfo, timezone), type(d.tzinfo).__name__, type(utc) is timezone)
e = datetime(2024, 6, 1, 6, 30, 0, 0, utc)
print(d == e, d - e, e.timestamp(), datetime(2024, 6, 1, 12, 0, tzinfo=west).timestamp())
print(repr(datetime.fromtimestamp(0, utc)), repr(datetime.fromtimestamp(86400.5, tz=west)))
n = datetime.now(utc)
print(n.tzinfo is utc, n.utcoffset(), abs(datetime.now(east) - n) < timedelta(seconds=5))
print(repr(d.replace(tzinfo=west)), repr(d.replace(tzinfo=None)))
for bad in [lambda: timezone(5), lambda: timezone(timedelta(hours=24)), lambda: timezone(timedelta(1), 3),
            lambda: datetime(2024, 1, 1, tzinfo=3), lambda: d.replace(tzinfo="x")]:
    try:
        bad()
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__ + ":", ex)
