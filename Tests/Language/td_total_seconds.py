from datetime import timedelta, datetime
for td in [timedelta(days=1), timedelta(hours=1, microseconds=1), timedelta(seconds=-1), timedelta(weeks=1, minutes=1), timedelta(milliseconds=1)]:
    print(td, td.total_seconds(), td.days, td.seconds)
start = datetime(2024, 1, 1, 8)
end = datetime(2024, 1, 2, 9, 30)
print((end - start).total_seconds() / 3600, divmod((end - start).total_seconds(), 60))
