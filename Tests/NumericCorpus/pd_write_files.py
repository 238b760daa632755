# to_csv(path) and to_json(path) write the file (read back here) and return None, as pandas does.
import pandas as pd

df = pd.DataFrame({"a": [1, 2, 3], "b": [0.5, None, 2.25], "s": ["x", "y/z", "é"]})
print(df.to_csv("frame.csv"), df.to_json("frame.json"), df["a"].to_csv("series.csv"))
for name in ["frame.csv", "frame.json", "series.csv"]:
    with open(name) as f:
        print(name, repr(f.read()))
df.to_json("records.json", orient="records")
print(open("records.json").read())
