# pandas selection and arithmetic on DataFrame artifacts: iloc/loc, boolean masks, head/tail, to_dict,
# column attributes, Series arithmetic and comparisons.
from metaflow import Flow

data = Flow('DataFlow').latest_run['frames'].task.data
df = data.df
print(df.iloc[1].tolist(), df.loc[2, 'name'], df.iloc[0, 1], df.iloc[-1])
print(df[df['ok']]['name'].tolist(), df[df['score'].gt(0.6)].shape, df['id'].le(2).tolist())
print(df.head(2))
print(df.tail(1))
print(df[['name', 'score']])
print(df.to_dict())
print(df.score.tolist(), df.columns.tolist(), list(df), len(df), 'score' in df, df.index)
print(df['score'] * 2)
print((df['id'] + 1).tolist(), df['score'].mean(), df['score'].max(), df['id'].min(), df['score'].idxmax())
print(df['score'].dtype, df['score'].dtype == 'float64', df['name'].dtype, df.columns.dtype, df.empty, df.size)
for label, value in data.series.items():
    print(label, value, type(value).__name__)
print(data.series.head(2), [v for v in data.series], sum(data.series))
print(data.series[data.series.gt(15)].to_dict(), data.series.values, data.series.index)
daily = data.daily
print(daily['sales'].tolist(), daily.index[0], daily.index.tolist()[1], daily.columns)
print(df.sort_values('score', ascending=False)[['name', 'score']])
print(df['kind'].value_counts(), df['kind'].nunique(), df['id'].unique())
print(df[df['ok'] & df['score'].gt(0.6)]['name'].tolist(), df['score'].std(), df['score'].round(1).tolist())
for i, row in df.iterrows():
    print(i, row['name'], row['score'])
