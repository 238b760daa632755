# Python builtins given numpy values, as a script mixes them: %-formatting of float64/int64 ('%.3f' % acc
# was a TypeError), str.join of str_ items, sequence repetition and chr() by an int64, fmean, json, f-strings.
# (statistics.mean/stdev of float64 values are refused: CPython returns numpy types from them.)
import statistics, json
import numpy as np
import pandas as pd
a = np.array([3.5, 1.25, 2.0])
i = np.array([3, 1, 2])
s = pd.Series([3, 1, 2], index=['x', 'y', 'z'])
t = np.array(['b', 'a'])
cases = [
 ("pct f", lambda: '%.2f' % a[0]), ("pct d", lambda: '%d' % i[0]), ("pct s", lambda: '%s|%r' % (a[1], i[1])), ("pct 5.1f", lambda: '%5.1f%%' % (a[0] * 10)),
 ("pct d float64", lambda: '%d' % a[0]), ("pct x", lambda: '%x' % i[0]), ("pct e", lambda: '%e' % i[2]),
 ("stat median", lambda: statistics.median(i)),
 ("stat mean series", lambda: statistics.mean(s)), ("stat fmean", lambda: statistics.fmean(i)),
 ("sorted rev", lambda: sorted(a, reverse=True)), ("min series", lambda: min(s)), ("max key", lambda: max(s.index, key=lambda k: s[k])),
 ("zip", lambda: list(zip(t, i))), ("enumerate", lambda: list(enumerate(a))), ("dict zip", lambda: dict(zip(s.index, s))),
 ("sum start", lambda: sum(a, 0.5)), ("any", lambda: any(i > 2)), ("all", lambda: all(a)), ("set", lambda: sorted(set(i))),
 ("join", lambda: '-'.join(t)), ("int", lambda: [int(x) for x in a]), ("range", lambda: list(range(i[0]))), ("index list", lambda: ['a', 'b', 'c', 'd'][i[0]]),
 ("slice", lambda: [1, 2, 3, 4][i[1]:i[0]]), ("mul str", lambda: 'ab' * i[1]), ("json", lambda: json.dumps({'v': float(a[0]), 'n': int(i[0])})),
 ("json np", lambda: json.dumps(a[0])), ("json int64", lambda: json.dumps(i[0])), ("isinstance int", lambda: isinstance(i[0], int)),
 ("hash", lambda: hash(i[0]) == hash(3)), ("bool", lambda: [bool(x) for x in i]), ("repr list", lambda: [a[0], i[0], t[0]]),
 ("str list", lambda: str([a[0], i[0]])), ("fmt g", lambda: f"{a[1]:g} {i[0]:03d} {a[0]:>8.3f} {t[0]!r}"), ("fmt ,", lambda: f"{i[0]*1000:,}"),
 ("round neg", lambda: round(a[0] * 100, -1)), ("divmod chain", lambda: divmod(i[0] * 7, 5)), ("pow", lambda: i[0] ** 2), ("pow f", lambda: 2 ** a[1]),
 ("minmax tuple", lambda: min((x, k) for k, x in s.items())), ("sorted items", lambda: sorted(s.items(), key=lambda kv: kv[1])),
 ("list tolist", lambda: a.tolist()), ("count", lambda: list(i).count(3)), ("in", lambda: 2 in i), ("in f", lambda: 2.0 in a),
 ("index", lambda: list(i).index(2)), ("float list sum", lambda: sum([a[0], 1])), ("chr", lambda: chr(65 + i[1])),
]
for name, f in cases:
    try:
        r = f()
        print(name, repr(r))
    except Exception as e:
        print(name, "!", type(e).__name__, str(e)[:160])
