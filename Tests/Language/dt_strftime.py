from datetime import datetime, date
d = datetime(2024, 7, 4, 9, 5, 7, 42)
print(d.strftime("%Y-%m-%d %H:%M:%S"), d.strftime("%y/%m/%d %I:%M %p"), d.strftime("%j %U %W %w"))
print(d.strftime("%A %a %B %b %f %%"), d.strftime("%d.%m.%Y"), date(2024, 12, 25).strftime("%A, %B %d"))
print(f"{d:%Y-%m-%d}", "{:%H:%M}".format(d), format(date(2000, 1, 2), "%d/%m"))
for day in range(1, 9):
    print(date(2023, 1, day).strftime("%a %U %W %j"))
