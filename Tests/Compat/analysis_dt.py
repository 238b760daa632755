# The .dt accessor of datetime columns (#15): calendar fields (int32, float64 with NaN where NaT),
# the is_* flags, date/time objects, day and month names, strftime and normalize, on the frame's
# seconds column and on a milliseconds Series with a NaT; .dt of a non-datetime column is pandas' error.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
for t in [df["seen_at"].iloc[[0, 1, 2979, 49999]], data.events]:
    print(t)
    for name in ["year", "month", "day", "hour", "minute", "second", "microsecond", "nanosecond", "day_of_week",
                 "day_of_year", "quarter", "days_in_month"]:
        values = getattr(t.dt, name)
        print(name, values.tolist(), values.dtype, values.name)
    for name in ["is_month_start", "is_month_end", "is_quarter_start", "is_quarter_end", "is_year_start", "is_year_end", "is_leap_year"]:
        print(name, getattr(t.dt, name).tolist())
    print(t.dt.date)
    print(t.dt.time)
    print(t.dt.day_name(), t.dt.month_name())
    print(t.dt.strftime("%Y/%m/%d %H:%M:%S.%f"))
    print(t.dt.normalize())
print(df[df["seen_at"].dt.day == 2]["score"].mean(), df["seen_at"].dt.hour.value_counts().sort_index().head(3))
try:
    df["score"].dt
except AttributeError as e:
    print("AttributeError:", e)
