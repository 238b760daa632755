from datetime import datetime, date, timedelta
d = datetime(2024, 7, 4, 9, 5, 7, 42)
print(d.isoformat(), d.isoformat(sep=" "), datetime(2024, 1, 1).isoformat(), date(2024, 1, 1).isoformat())
print(datetime.fromisoformat("2024-07-04T09:05:07"), datetime.fromisoformat("2024-07-04"), date.fromisoformat("2021-12-31"))
print(str(d), str(datetime(2024, 1, 1, 0, 0)), datetime(2024, 1, 1, 0, 0, 0, 500000).isoformat())
