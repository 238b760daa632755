# CategoricalIndex (set_index on a category column) lists its categories in its repr, as pandas does.
from metaflow import Flow
import pandas as pd
data = Flow('AnalysisFlow').latest_run['start'].task.data
df = data.frame
print(df.head(4).set_index("label").index)
print(df.set_index("label").index[:3] if False else df.iloc[:3].set_index("label").index)
sp = pd.DataFrame({"s": data.species, "n": range(70)})
print(sp.set_index("s").index)
print(sp.head(2).set_index("s").index)
sz = pd.DataFrame({"z": data.sizes, "n": range(5)})
print(sz.set_index("z").index)
print(sz.set_index("z").sort_values("n").index)
print(sz.set_index("z").loc["m"])
