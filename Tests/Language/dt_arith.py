from datetime import datetime, date, timedelta
d = datetime(2024, 1, 31, 23, 30)
print(d + timedelta(hours=1), d - timedelta(days=31), d + timedelta(minutes=90, seconds=5))
print(datetime(2024, 3, 1) - datetime(2024, 2, 1), date(2025, 1, 1) - date(2024, 1, 1))
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, td * 2, td / 2, -td, abs(-td), td // 3, td.days, td.seconds, td.microseconds)
print(timedelta(hours=-1), timedelta(seconds=86400 * 3 + 1), timedelta(weeks=2), timedelta(0), timedelta(milliseconds=1500))
print(timedelta(hours=1) / timedelta(minutes=15), timedelta(days=1) > timedelta(hours=23), repr(timedelta(days=2, seconds=3)))
print(date(2024, 2, 28) + timedelta(days=1), date(2023, 2, 28) + timedelta(days=1))
