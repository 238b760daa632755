from datetime import datetime, date, timedelta
a = datetime(2024, 5, 1, 12)
b = datetime(2024, 5, 1, 12, 0, 1)
print(a < b, a == b, a != b, max(a, b), min([b, a]), sorted([b, a])[0])
print(date(2024, 1, 1) < date(2024, 1, 2), timedelta(1) == timedelta(hours=24), timedelta(0) < timedelta(microseconds=1))
events = [datetime(2024, 1, d) for d in (5, 1, 3)]
print([e.day for e in sorted(events)], (b - a).total_seconds())
