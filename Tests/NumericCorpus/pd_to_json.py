# DataFrame.to_json and Series.to_json against pandas' ujson: every orient but 'table', the float digits
# (double_precision decimals with ujson's rounding, %g beyond 1e16 or under 1e-15, NaN/inf as null),
# escaping ('/' as '\/', control characters, non-ASCII as \u escapes unless force_ascii=False),
# datetimes as floored epoch counts of date_unit or ISO text, labels as keys, indent, and the errors.
# pandas warns on stderr (Pandas4Warning) whenever datetimes are written as epoch counts; mfsh does not,
# so the program ends with a line of its own on stderr (the corpus compares stderr's last line).
import sys
import numpy as np
import pandas as pd

df = pd.DataFrame({"a": [1, 2, 3], "b": [0.1 + 0.2, np.nan, 1 / 3], "c": ["x/y", None, "é☃"], "d": [True, False, True],
                   "e": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02"), pd.NaT], "f": ["p", "q", "p"],
                   "g": [None, 1.5, "s"]})
print(df.to_json())
for orient in ["split", "records", "index", "columns", "values"]:
    print(orient, df.to_json(orient=orient))
    print(orient, df.to_json(orient=orient, date_format="iso"))
s = pd.Series([123456789.123456789, 1e-5, 1e20, np.inf, -np.inf, np.nan, 1e16, 1.5e-10, 0.0, -0.0, 2.5, 1e15,
               123456.7890123456789, -7.25], name="v")
print(s.to_json())
for orient in ["split", "records", "index", "values", "columns"]:
    print(orient, s.to_json(orient=orient))
print(df.to_json(indent=2, orient="split"))
print(df[["a", "c"]].to_json(indent=1, orient="records"), df[["a"]].to_json(indent=0))
print(pd.DataFrame({"a": []}).to_json(indent=2), pd.DataFrame({"a": []}).to_json(orient="split", indent=2), pd.DataFrame().to_json(indent=2))
print(pd.DataFrame().to_json(), pd.DataFrame().to_json(orient="split"), pd.DataFrame().to_json(orient="records"))
print(pd.DataFrame({"a": [1]}, index=["r"]).to_json(orient="split"))
print(pd.DataFrame({"a": [1, 2]}, index=["r", "r"]).to_json(orient="records"))
print(pd.DataFrame({"a": [1.123456789012345, 1e-11, 0.00001234, 99999999999.99999, 0.05, 0.25e-10, 0.35e-10]}).to_json())
print(pd.DataFrame({"a": [1e-15, 1e-16, 9.999999999999999e15, -1e17, 5e-324, 1.7976931348623157e308, 0.5]}).to_json())
for precision in (0, 1, 3, 15):
    print(pd.DataFrame({"a": [1.123456789012345, 1e-11, 0.5, 1.5, 2.5, 0.95, 123.456, 1e-16]}).to_json(double_precision=precision))
print(pd.DataFrame({"a": [1.0, 2.0]}, index=[0.5, 1.5]).to_json())
print(pd.DataFrame({"a": [1, 2]}, index=[True, False]).to_json())
print(pd.DataFrame({"a": [1, 2]}, index=[1.0, -2.5]).to_json(), pd.DataFrame({"a": [1, 2]}, index=[1.0, -2.5]).to_json(orient="split"))
print(pd.DataFrame({1: [1], 2.5: [2]}).to_json())
print(pd.DataFrame({"a": ["\n\t\"\\ \x01 \x1f \x7f \u2028 😀 \b\f\r"]}).to_json())
print(pd.DataFrame({"a": ["é/😀"]}).to_json(force_ascii=False))
print(pd.DataFrame({"a": np.array([0.1, 3], dtype=np.float32)}).to_json(), pd.Series([0.1], dtype=np.float32).to_json())
print(pd.DataFrame({"a": np.array([2**63 - 1, -5], dtype=np.int64)}).to_json(), pd.DataFrame({"u": np.array([7], dtype=np.uint64)}).to_json())
print(pd.DataFrame({"a": [1, None]}).to_json(orient="values"), pd.Series(["a/b", None]).to_json())
print(pd.DataFrame({"a": [1]}, index=pd.Index(["x"], name="nm")).to_json(orient="split"))
print(pd.DataFrame({"a": [1]}).to_json(orient="split", index=False), pd.DataFrame({"a": [1]}).to_json(orient="records", index=False))
print(pd.DataFrame({"a": [1]}).to_json(orient="values", index=False), pd.Series([1, 2], name="k").to_json(orient="split", index=False))
print(pd.DataFrame({"a": [1, 2]}, index=["x", "x"]).to_json(orient="split"))
print(pd.DataFrame({"a": [1, 2]}, index=["x", "y"]).to_json(index=False), pd.Series([1, 2]).to_json(index=False))
print(pd.Series([1.5], name=3).to_json(orient="split"), pd.Series([1.5], name=np.nan).to_json(orient="split"))
print(pd.Series([1, 2]).to_json(orient="split"), pd.Series([1, 2], index=["a", "a"]).to_json(orient="records"))
print(pd.DataFrame({"a": [0, 1]}).iloc[1:].to_json(orient="split"), pd.DataFrame({"a": [0, 1]}).iloc[1:].to_json())
times = pd.DataFrame({"e": [pd.Timestamp("2024-01-01 10:00:00.123456"), pd.NaT]},
                     index=pd.Index([pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02")]))
print(times.to_json(date_format="epoch"), times.to_json(date_format="epoch", date_unit="s"), times.to_json(date_unit="us"))
print(times[["e"]].to_json(date_format="iso"), times[["e"]].to_json(date_format="iso", orient="split"))
stamps = pd.DataFrame({"a": [pd.Timestamp("1969-12-31 23:59:59.9995"), pd.Timestamp("2024-05-06 07:08:09.123456")]})
for unit in ("s", "ms", "us", "ns"):
    print(unit, stamps.to_json(date_format="iso", date_unit=unit), stamps.to_json(date_unit=unit))
print(pd.DataFrame({"a": [1]}, index=pd.Index([pd.Timestamp("1969-12-31 23:59:59.9995")])).to_json(date_format="iso"))
print(stamps["a"].to_json(), stamps["a"].to_json(date_format="iso", orient="records"))
print(repr(pd.DataFrame({"a": [1]}).to_json(orient="records")), type(df.to_json()).__name__)
for bad in (lambda: df.to_json(orient="bad"), lambda: s.to_json(orient="bad"),
            lambda: pd.DataFrame([[1, 2]], columns=["x", "x"]).to_json(), lambda: pd.DataFrame([[1, 2]], columns=["x", "x"]).to_json(orient="records"),
            lambda: pd.DataFrame([[1, 2]], columns=["x", "x"]).to_json(orient="index"),
            lambda: pd.DataFrame([[1], [2]], columns=["x"], index=[0, 0]).to_json(),
            lambda: pd.DataFrame([[1], [2]], columns=["x"], index=[0, 0]).to_json(orient="index"),
            lambda: pd.Series([1, 2], index=["a", "a"]).to_json(),
            lambda: df.to_json(double_precision=16), lambda: df.to_json(date_unit="xx"),
            lambda: df.to_json(orient="columns", index=False), lambda: df.to_json(orient="index", index=False),
            lambda: df.to_json(orient="records", index=True), lambda: s.to_json(orient="values", index=True),
            lambda: pd.DataFrame([[1, 2], [3, 4]], columns=["x", "x"], index=[0, 0]).to_json(),
            lambda: s.to_json(orient="index", index=False), lambda: df.to_json(indent=-1), lambda: df.to_json(indent="2"),
            lambda: df.to_json(double_precision=-1)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print("pd_to_json: done", file=sys.stderr)
