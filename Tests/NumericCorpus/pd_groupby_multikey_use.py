# What is done with a multi-key groupby result (a MultiIndex): bool keys and a long key name, empty
# results, arithmetic and comparisons between results, sorting, items/iterrows/itertuples, to_dict in
# each orient, idxmax, describe, value_counts, column assignment, a frame built on the index, and
# Series.unstack (by level number or name, int/float/str levels, three levels, fill_value, NaN for
# empty cells) with its errors; loc/iloc by tuples, tuple slices, lists of tuples and masks; and
# groupby(as_index=False) on one and several keys; iterating the groups (keys as tuples for a list of
# keys), len() and get_group() with its KeyError; named aggregation (agg(total=("v", "sum"))) and its errors;
# first/last/nunique of every dtype (all-missing groups NaN, -0.0 and 0.0 one value); to_csv of results
# (one column per level, headed by the level names); Series.sort_index by the levels; Series.to_frame;
# arithmetic between results of different groups (aligned on the union of their labels) and a result
# assigned as a column; sort=False (groups in order of first appearance); transform (NaN on rows
# missing a key); dropna=False (missing keys a group of their own, sorted last, shown NaN/nan; a NaN
# label found in a flat index, never in a MultiIndex, as pandas 3.1 does).
import numpy as np
import pandas as pd

df = pd.DataFrame({"a_long_name": ["x", "yy", "x", "yy", "x", None, "x", "zz"],
                   "b": [True, False, True, True, False, True, False, True],
                   "c": [1.5, np.nan, 2.5, 1.5, 1.5, 2.0, 2.5, 1.5],
                   "v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, -7.5, 0.25],
                   "w": [1, 2, 3, 4, 5, 6, 7, 8]})
g = df.groupby(["a_long_name", "b"])
print(g.sum())
print(g.w.sum())
print(g.w.sum().index)
e = df[df["c"] > 100].groupby(["a_long_name", "b"])
print(e.sum())
print(e.v.sum())
print(e.size())
print(e.sum().index)
s1, s2 = g.v.sum(), g.w.mean()
print(s1 + s2, s1 / s2, s1 > 3, s1 * 2 - 1, sep="\n")
print(g.size().sort_values(ascending=False).head(3))
print(g.sum().sort_values("v"))
print(len(g.sum()), g.sum().shape, g.sum().columns)
for k, v in g.v.sum().items():
    print(k, v)
for row in g.sum().itertuples():
    print(row)
for k, row in g.sum().iterrows():
    print(k, row.tolist())
print(g[["v", "w"]].sum())
print(g.agg({"v": "mean"}))
print(g.sum().describe())
print(g.sum().values)
print(g.v.sum().values, g.v.sum().tolist())
print(g.v.sum().to_dict())
for orient in ("dict", "list", "index", "records", "split", "tight"):
    print(g.sum().to_dict(orient=orient))
print(g.sum().index.values)
print(g.v.sum().idxmax(), g.v.sum().idxmin(), g.sum().index[2])
print(g.v.sum().round(1))
print(g.sum()["v"] * 2)
print(g.sum().max(), g.sum().mean())
print(g.v.sum().describe())
print(g.w.max().value_counts())
print(g.sum().fillna(0))
print(g.sum().dropna())
print(g.sum().astype(float))
print(g.sum().copy(), g.sum().round(2))
d = g.sum()
d["z"] = d["v"] * 3
print(d)
print(d.set_index("w"))
print(pd.DataFrame({"q": [10 * k for k in range(len(g.size()))]}, index=g.size().index))
# unstack
f = pd.DataFrame({"a": ["x", "y", "x", "y", "x", None, "z"], "b": [1, 2, 1, 1, 2, 3, 2], "c": [1.5, 2.0, np.nan, 1.5, 1.5, 2.0, 2.0],
                  "v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], "w": [1, 2, 3, 4, 5, 6, 7]})
s = f.groupby(["a", "b"]).w.sum()
print(s.unstack())
print(s.unstack().columns, s.unstack().index, s.unstack().dtypes, sep="\n")
print(s.unstack(0), s.unstack("a"), s.unstack(-2), sep="\n")
print(s.unstack(fill_value=0), f.groupby(["a", "b"]).v.sum().unstack(fill_value=0.5), sep="\n")
print(s.unstack().reset_index())
print(s.unstack().fillna(0))
print(f.groupby(["b", "a"]).v.mean().unstack())
print(f.groupby(["a", "b"]).c.max().unstack())
print(f.groupby(["a", "b", "c"]).w.sum().unstack())
print(f.groupby(["a", "b", "c"]).w.sum().unstack(0))
print(f.groupby(["a", "b"]).size().unstack())
print(f.groupby(["a", "c"]).v.sum().unstack("c")[1.5])
print(df.groupby(["a_long_name", "b"]).w.sum().unstack())
for bad in (lambda: s.unstack(5), lambda: s.unstack(-3), lambda: s.unstack("q"), lambda: f["w"].unstack()):
    try:
        print(bad())
    except (KeyError, ValueError, IndexError) as err:
        print(type(err).__name__ + ":", err)
# selection by whole tuples, tuple slices, lists of tuples, masks and positions
r = f.groupby(["a", "b"]).mean()
s = f.groupby(["a", "b"]).v.sum()
print(r.loc[("x", 2):("y", 1)])
print(r.loc[[("y", 2), ("x", 1)]])
print(r.iloc[0])
print(r.iloc[[0, 2]])
print(s[("x", 2)], s.loc[("y", 1)], s.iloc[0])
print(s.loc[("x", 2):("y", 2)])
print(r.index[1:3])
print(s.head(2), s.tail(1))
print(s[s > 3])
print(r.loc[r["v"] > 3, "v"])
print(r.loc[("x", 1), "v"])
print(r.loc[:, "v"])
print(r[["v"]])
print(s.sort_values())
print(s.cumsum(), s.shift(1), s.isna(), r.isna(), s.astype(int), sep="\n")
print(s.count(), s.sum(), s.mean())
# as_index=False: the keys as columns
ga = f.groupby(["a", "b"], as_index=False)
for name in ("mean", "sum", "size", "count", "max"):
    print(getattr(ga, name)())
print(ga["v"].sum())
print(ga["v"].size())
print(ga["v"].agg(["mean", "max"]))
print(ga.agg({"v": "max"}))
print(ga[["v", "c"]].max())
print(ga.v.mean().dtypes)
print(f.groupby("a", as_index=False).mean())
print(f.groupby("a", as_index=False).size())
print(f.groupby("a", as_index=False)["v"].sum())
print(f.groupby(["a"], as_index=False)["v"].sum())
# the groups one by one
h = pd.DataFrame({"a": ["x", "y", "x", None], "b": [1, 2, 1, 1], "c": [0.5, 1.5, 0.5, 2.5], "v": [1.0, 2.0, 3.0, 4.0]})
for k, sub in h.groupby(["a", "b"]):
    print(repr(k))
    print(sub)
print([repr(k) for k, sub in h.groupby(["a"])], [repr(k) for k, sub in h.groupby("a")], [repr(k) for k, sub in h.groupby("b")])
print([repr(k) for k, sub in h.groupby(["c", "b"])])
for k, sub in h.groupby(["a", "b"])["v"]:
    print(repr(k))
    print(sub)
for k, sub in h.groupby(["a", "b"])[["v"]]:
    print(repr(k))
    print(sub)
print(h.groupby(["a", "b"]).get_group(("x", 1)))
print(h.groupby("a").get_group("x"))
print(h.groupby("a")["v"].get_group("y"))
print(len(h.groupby(["a", "b"])), len(h.groupby("c")))
print(list(h.groupby(["a", "b"], as_index=False))[0][0])
print({k: len(sub) for k, sub in h.groupby("b")})
print([(k, sub["v"].sum()) for k, sub in h.groupby(["a", "c"])])
for bad in (lambda: h.groupby(["a", "b"]).get_group(("x", 7)), lambda: h.groupby("a").get_group("q")):
    try:
        print(bad())
    except KeyError as err:
        print("KeyError:", err)
# named aggregation
na = pd.DataFrame({"a": ["x", "y", "x", None, "y"], "b": [1, 2, 1, 1, 2], "c": [0.5, np.nan, 0.5, 2.5, 1.0],
                   "v": [1.0, 2.0, 3.0, 4.0, 5.0], "s": ["p", "q", "r", "s", "t"]})
gn = na.groupby(["a", "b"])
print(gn.agg(total=("v", "sum"), n=("c", "count"), size=("v", "size"), top=("s", "max")))
print(gn["v"].agg(total="sum", avg="mean", n="size"))
print(na.groupby("a").agg(lo=("c", "min"), hi=("v", "max")))
print(na.groupby(["a", "b"], as_index=False).agg(total=("v", "sum")))
for bad in (lambda: gn.agg(total="sum"), lambda: gn.agg(total=("nope", "sum")), lambda: gn.agg(total=("v", "nope"))):
    try:
        print(bad())
    except (TypeError, KeyError, AttributeError) as err:
        print(type(err).__name__ + ":", err)
# first, last, nunique
fl = pd.DataFrame({"a": ["x", "y", "x", None, "y", "z"], "b": [1, 2, 1, 1, 2, 3], "c": [np.nan, np.nan, 0.5, 2.5, -0.0, np.nan],
                   "v": [1.0, 2.0, 3.0, 4.0, 0.0, 1.0], "s": [None, "q", "r", "s", "q", None], "i": [5, 6, 7, 8, 9, 10],
                   "ok": [True, False, True, True, True, False]})
gf = fl.groupby(["a", "b"])
print(gf.first(), gf.last(), gf.nunique(), gf.first().dtypes, sep="\n")
print(gf["s"].first(), gf["c"].last(), gf["c"].nunique(), sep="\n")
print(gf["v"].agg(["first", "nunique"]))
print(fl.groupby("a").nunique(), fl.groupby("a").first(), sep="\n")
print(fl.groupby(["a", "b"], as_index=False).first())
print(gf.agg(f=("s", "first"), n=("c", "nunique")))
# to_csv
gc = fl.groupby(["a", "b"])
print(gc.mean(numeric_only=True).to_csv())
print(gc.v.sum().to_csv(), gc.size().to_csv(), gc.mean(numeric_only=True).to_csv(index=False), sep="\n")
print(gc.mean(numeric_only=True).to_csv(sep=";", header=False))
print(fl.groupby(["c", "a"]).v.sum().to_csv(na_rep="-"))
print(gc.mean(numeric_only=True).to_csv(columns=["v"]))
print(gc.size().unstack().to_csv())
# sort_index of a MultiIndex Series
st = fl.groupby(["a", "b"]).v.sum().sort_values()
print(st, st.sort_index(), st.sort_index(ascending=False), st.sort_index(ascending=[True, False]), sep="\n")
# to_frame
sf = pd.Series([1, 2], index=["a", "b"])
print(sf.to_frame(), sf.to_frame("q"), sf.to_frame(name=None), sf.to_frame().columns, sf.to_frame(name=None).columns, sep="\n")
tf = fl.groupby(["a", "b"]).v.sum()
print(tf.to_frame(), tf.to_frame().columns, tf.to_frame("total"), fl.groupby(["a", "b"]).size().to_frame(), sep="\n")
print(tf.reset_index(name="w"))
# alignment on MultiIndex labels
al = pd.DataFrame({"a": ["x", "y", "x", "y", "z", "x"], "b": [1, 2, 2, 1, 1, 1], "v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                   "ok": [True, False, True, True, False, False]})
ra = al.groupby(["a", "b"]).sum()
sa1 = al.groupby(["a", "b"]).v.sum()
sa2 = al[al.v > 2].groupby(["a", "b"]).v.sum()
print(sa1 + sa2, sa2 - sa1, sa2 * 2 / sa1, sep="\n")
print(al[al.ok].groupby(["a", "b"]).size() / al.groupby(["a", "b"]).size())
print(al[~al.ok].groupby(["a", "b"]).size() / al[al.ok].groupby(["a", "b"]).size())
ra["w"] = sa2
print(ra)
print(ra.assign(share=sa2 / sa1))
# sort=False and transform
tr = pd.DataFrame({"a": ["y", "x", "y", None, "x", "z"], "b": [2, 1, 2, 1, 1, 3], "c": [1.5, np.nan, 0.5, 2.5, 1.0, np.nan],
                   "v": [1, 2, 3, 4, 5, 6]})
print(tr.groupby(["a", "b"], sort=False).sum(), tr.groupby(["b", "a"], sort=False).v.mean(), sep="\n")
print(tr.groupby("a", sort=False).sum(), tr.groupby(["a", "b"], sort=False).size(), sep="\n")
for name in ("sum", "mean", "size", "count", "first", "nunique"):
    print(tr.groupby(["a", "b"])["v"].transform(name))
print(tr.groupby(["a", "b"])["c"].transform("max"), tr.groupby(["a", "b"]).transform("sum"), sep="\n")
print(tr.groupby("b")["a"].transform("first"))
print(tr.dropna(subset=["a"]).groupby(["a", "b"])["v"].transform("sum"))
tr["share"] = tr["v"] / tr.groupby("a")["v"].transform("sum")
print(tr)
# dropna=False
dn = pd.DataFrame({"a": ["y", "x", "y", None, "x", "z", None], "b": [2, 1, 2, 1, 1, np.nan, 1],
                   "c": [1.5, np.nan, 0.5, 2.5, 1.0, np.nan, 3.0], "v": [1, 2, 3, 4, 5, 6, 7]})
gd = dn.groupby(["a", "b"], dropna=False)
print(gd.sum(), gd.v.sum(), gd.v.sum().index, gd.size().reset_index(), gd.v.sum().to_dict(), sep="\n")
print(dn.groupby("a", dropna=False).sum(), dn.groupby("a", dropna=False).v.sum().index, sep="\n")
print(dn.groupby("b", dropna=False).v.sum(), dn.groupby("b", dropna=False).v.sum().index, sep="\n")
print(dn.groupby(["b", "a"], dropna=False).size())
d5 = pd.DataFrame({"a": ["y", "x", None], "b": [-2.5, 1.0, np.nan], "v": [1, 2, 3]})
print(d5.groupby(["a", "b"], dropna=False).sum(), d5.groupby(["b", "a"], dropna=False).sum(), sep="\n")
print(d5.groupby("b", dropna=False).v.sum())
print(gd.v.sum().unstack())
print(dn.groupby("a", dropna=False).v.transform("sum"))
print(dn.groupby(["a", "b"], dropna=False, sort=False).v.sum())
for k, sub in gd:
    print(k, len(sub))
print(pd.Index([1.0, np.nan]), pd.Index(["x", None]))
sn = gd.v.sum()
fn = dn.groupby("b", dropna=False).v.sum()
print(("z", np.nan) in sn.index, (np.nan, 1.0) in sn.index, sn.loc[("x", 1.0)])
print(fn[np.nan], fn.loc[np.nan], np.nan in fn.index, pd.Series([1, 2], index=[1.0, np.nan])[np.nan])
