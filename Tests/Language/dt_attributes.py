from datetime import datetime, date, timedelta
d = datetime(2024, 2, 29, 13, 45, 30, 123456)
print(d, d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond)
print(d.date(), d.weekday(), d.isoweekday(), d.replace(year=2023, day=28), repr(d))
print(date(2024, 1, 31), repr(date(2020, 5, 17)), date(2024, 2, 29).weekday())
print(datetime(2020, 1, 1) == datetime(2020, 1, 1, 0, 0), d.time() if False else d.strftime("%H:%M"))
