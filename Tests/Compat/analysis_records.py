# Rows and records out of a frame with datetime, categorical, float32 and object columns (#15: datetimes
# came out as nanosecond integers, rows' to_dict as np.int64): to_dict in every orient, iloc rows,
# Timestamps and Timedeltas with their fields and arithmetic, numpy datetime64 arithmetic.
import datetime
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
small = df.head(3)
print(small.to_dict("records"))
print(small[["id", "split", "seen_at"]].to_dict("list"))
print(small[["id", "score"]].to_dict("split"))
print(small[["id", "score"]].to_dict(orient="tight"))
print(small[["label", "seen_at"]].to_dict("index"))
print(small[["id", "weight"]].to_dict())
print(df.iloc[0])
print(df.iloc[0].to_dict())
print(df.iloc[0].tolist())
row = df.iloc[7]
print(repr(row["seen_at"]), repr(row["id"]), repr(row["loss"]), repr(row["correct"]), row.name)
for i, r in df.head(2).iterrows():
    print(i, r["split"], r["seen_at"], r["score"])
ts = df["seen_at"][3]
print(repr(ts), ts, type(ts).__name__, ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second, ts.microsecond)
print(ts.day_name(), ts.month_name(), ts.day_of_week, ts.day_of_year, ts.quarter, ts.date(), ts.isoformat(), ts.strftime("%Y/%m/%d %H:%M"))
print(repr(ts.to_pydatetime()), ts.timestamp(), repr(ts.normalize()), ts.unit)
span = df["seen_at"].max() - df["seen_at"].min()
print(repr(span), span, span.days, span.seconds, span.total_seconds(), type(span).__name__)
print(repr(ts + span), repr(ts - datetime.timedelta(hours=1)), ts == datetime.datetime(2024, 3, 1, 0, 1, 27), ts > df["seen_at"][2])
print(repr(span / 2), repr(span * 2), span / span, repr(-span), repr(ts - df["seen_at"][5]))
print(df["seen_at"].head(3).tolist(), df.loc[4, "seen_at"], df.iloc[4, 7], list(df["seen_at"].head(2)))
dates = Flow('DataFlow').latest_run['start'].task.data.dates
print(repr(dates[1] - dates[0]), dates[1] - dates[0], repr(dates - dates[0]), repr(dates[2] > dates[1]), repr(dates > dates[1]))
