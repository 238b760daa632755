# DataFrame.info() and Series.info(): the verbose table and its widths, the short form past max_cols
# columns or with verbose=False, counts shown or not, dtype counts sorted by name, and pandas' shallow
# memory usage (RangeIndex as a range object and three ints, a '+'
# when an object column or a str/object index hides the objects' own sizes).
import numpy as np
import pandas as pd

df = pd.DataFrame({"a": [1, 2, 3], "b": [1.5, np.nan, 2.0], "c": ["x", None, "y"], "d": [True, False, True],
                   "e": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02"), pd.NaT],
                   "g": [None, 1, "s"]})
df.info()
df.info(verbose=False)
df.info(memory_usage=False)
print("|")
df.info(show_counts=False)
df[["a", "b", "d"]].info()
df[["c"]].info()
pd.DataFrame().info()
pd.DataFrame({"x": [1.0]}, index=["r"]).info()
pd.DataFrame({"x": np.array([], dtype=float)}).info()
pd.DataFrame(index=[1, 2]).info()
df["a"].info()
df["c"].info()
df["g"].info()
df["e"].info(verbose=False)
pd.Series([1.0, None], name="q", index=["a", "b"]).info(show_counts=False)
pd.Series([], dtype=float).info()
pd.Series([1, 2, 3], name=7).info(memory_usage=False)
print("|")
pd.DataFrame({"a": list(range(8))}).iloc[2:4].info()
pd.DataFrame({"a": list(range(8))}).iloc[[0, 2, 3]].info()
stamps = [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02"), pd.Timestamp("2024-03-01")]
pd.DataFrame({"a": [1.0, 2, 3]}, index=pd.Index(stamps)).info()
pd.DataFrame({"a": [1.0, 2, 3]}, index=pd.Index([pd.Timestamp("2024-01-01 10:30")] + stamps[1:])).info()
pd.DataFrame({"a": [1.0, 2, 3]}, index=pd.Index(stamps[:2] + [pd.Timestamp("2024-03-01 00:00:00.25")])).info()
pd.DataFrame({"a": [1.0, 2, 3]}, index=[1.5, 2.5, 3.0]).info()
pd.DataFrame({"a": [1.0, 2, 3]}, index=[10, 20, 30]).info()
pd.DataFrame({0: [1.0, 2, 3], "tab\tx": [1, 2, 3], "é": [1, 2, 3], "a_very_long_column_name_indeed": [1, 2, 3]}).info()
wide = pd.DataFrame({f"c{i}": [i] for i in range(101)})
wide.info()
wide.info(verbose=True, show_counts=False)
wide.iloc[:, :12].info()
df.info(max_cols=3)
df.info(max_cols=7)
pd.DataFrame({"a": np.array([1, 2], dtype=np.int32), "b": np.array([1, 2], dtype=np.float32),
              "u": np.array([1, 2], dtype=np.uint8)}).info()
pd.DataFrame(np.zeros((20000, 8))).info()
pd.DataFrame(np.zeros((200, 8)), columns=list("abcdefgh")).info()
print(df.info() is None)
print(df.memory_usage(), df.memory_usage(index=False), df["a"].memory_usage(), df["c"].memory_usage(index=False), sep="\n")
print(pd.DataFrame({0: [1.5], 1: [2]}, index=["r"]).memory_usage(), pd.DataFrame().memory_usage(), sep="\n")
