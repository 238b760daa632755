# pandas printing of indexes and categoricals from a script: Index reprs wrapped at 80 columns (long,
# over 100 labels, numbers, dates with a frequency, named), `Categories (...)` footers (ordered,
# numbers, beyond 8 categories, wrapped), CategoricalDtype reprs, named and DatetimeIndex frames,
# inf and tiny/huge floats, cells beyond display.max_colwidth, and a frame with more columns than
# the terminal has characters.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
print(df.columns)
print(df.index)
print(df[df["correct"]].index)
print(df[df["correct"]].head(100).index)
print(df[["id", "split"]].columns)
print(data.sizes)
print(repr(data.sizes.dtype))
print(data.sizes.head(0))
print(data.grades)
print(repr(data.grades.dtype))
print(data.species)
print(data.species.head(3))
print(repr(data.species.dtype))
print(data.per_sample)
print(data.per_sample.index)
print(data.per_sample.head(3))
print(data.per_sample["gc"])
print(data.hourly)
print(data.hourly.index)
print(data.hourly.head(3))
print(data.hourly[::3].head(2))
print(data.hourly[data.hourly > 30].index)
print(data.hourly[data.hourly != 1.0].tail(2))
print(data.hourly.sort_values().head(2))
print(data.thresholds)
print(data.thresholds.index)
print(data.extremes)
print(data.extremes["f32"])
print(data.very_wide)
print(data.very_wide.columns)
print(data.notes)
print(data.notes["note"])
frames = Flow('DataFlow').latest_run['frames'].task.data
print(frames.daily)
print(frames.daily.index)
print(frames.daily["sales"])
print(frames.df["kind"])
print(repr(frames.df["kind"].dtype))
print(frames.series.index)
