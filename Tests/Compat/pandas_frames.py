# pandas artifacts of DataFlow: DataFrame/Series with mixed dtypes, categorical and a DatetimeIndex.
from metaflow import Flow

data = Flow('DataFlow').latest_run['frames'].task.data
df = data.df
print(type(df).__name__, df.shape, list(df.columns))
print(df)
print(df.dtypes)
print(df['score'].sum(), df['id'].tolist(), df['name'].tolist(), df['kind'].tolist(), df['ok'].tolist())
s = data.series
print(type(s).__name__, s.name, s.dtype)
print(s)
print(s['y'], s.sum(), s.index.tolist(), s.to_dict())
daily = data.daily
print(daily)
print(daily.index.dtype, daily.index.name, [str(d.date()) for d in daily.index], daily['sales'].max())
