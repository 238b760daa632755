import Foundation
import Testing
import MetaflowBindings
import MetaflowClient
import MFSInterpreter
import NumPyPandas
import Pickle

/// numpy and pandas values against CPython with numpy/pandas (the oracle venv, made by Scripts/venv):
/// the oracle pickles each value and evaluates each expression; mfsh decodes the same pickle, binds it
/// to `x` and must give the same `repr()` (or raise the same exception type).
@Suite(.serialized) struct NumericTests {
    static let top: String = {
        let parts = "\(#filePath)".split(separator: "/").dropLast(3)
        return "/" + parts.joined(separator: "/")
    }()

    /// The oracle program: prints JSON `[{"pickle": hex, "checks": [[expr, repr-or-!Exception], ...]}, ...]`.
    static let oracle = #"""
import json, pickle, warnings
import numpy as np
warnings.simplefilter('ignore')  # numpy's RuntimeWarnings (division by zero, overflow) on stderr
import pandas as pd

numeric_arrays = [
    np.arange(12.0).reshape(3, 4) / 7, np.array([1e-5, 1.0, 1e6]), np.array([1.5, np.nan, np.inf, -2.25]),
    np.arange(2000), np.random.default_rng(0).random(9), np.array([[True, False], [False, True]]),
    np.arange(24).reshape(2, 3, 4), np.array([3, -40], dtype=np.int32), np.array([0.1, 2.5], dtype=np.float32),
    np.array([], dtype=float), np.array(5.0), np.arange(6, dtype=np.uint8), np.array([7, 9], dtype=np.int8),
    # The buffer fast paths (#15): NaN in the middle of a long run, Fortran order, int64 sums that wrap,
    # more than one 8192-element cast buffer, negative zeros.
    np.concatenate([np.random.default_rng(1).random(300), [np.nan], np.random.default_rng(2).random(50)]),
    np.asfortranarray(np.arange(12.0).reshape(3, 4) - 5.5), np.array([2**62, 2**62, 5, -7]),
    np.random.default_rng(3).random(20000), np.random.default_rng(4).integers(-10**6, 10**6, 20000), np.array([-0.0, 0.0]),
]
other_arrays = [np.array(['a', 'bb', 'ccc', 'ab']), np.array(['2024-01-01', '2024-03-05', '2023-12-31'], dtype='datetime64[D]'),
                np.array(['2024-01-01T10:00', 'NaT', '2025-01-01T00:00'], dtype='datetime64[s]'), np.array(['', 'x'])]
common_exprs = ["repr(x)", "str(x)", "x.tolist()", "x.shape", "x.ndim", "x.size", "str(x.dtype)", "repr(x.dtype)",
                "x.dtype.name", "x.dtype.kind", "x.dtype.itemsize", "x[0]", "x[-1]", "x[1:]", "x[::-2]", "x.T",
                "len(x)", "list(x)", "x[0, 1]", "x[:, 0]", "x[5]", "str(x[0])", "float(x[0])", "int(x[0])", "bool(x)",
                "x.item()", "x.dtype == 'float64'", "x.dtype == x.dtype", "x[1:][0]", "[str(v) for v in x]",
                "x.max()", "x.min()", "x.argmax()", "x.argmin()", "x.any()", "x.all()"]
numeric_exprs = ["x.sum()", "x.mean()", "x.max()", "x.min()", "x.argmax()", "x.argmin()", "x.any()", "x.all()",
                 "x * 2", "x + 1", "x / 4", "x - x", "x // 3", "x % 3", "2 ** x", "-x", "x * 1.5", "x + x[0]",
                 "x.sum(axis=0)", "x.max(axis=-1)", "x.mean(axis=0)", "x.sum(axis=5)", "x * np_int8", "x + np_f32",
                 "3 in x", "2.5 in x", "True in x", "x & 1", "x | x", "x ^ 3", "True & x", "x.reshape(-1)", "x.reshape(2, -1)", "x.astype(float)", "x.astype('int32')", "x.astype(bool)",
                 "x.round(1)", "x.round()", "x.prod()", "x.cumsum()", "x.std()", "x.var()", "x.std(ddof=1)",
                 "x > 0.5", "(x > 0.5).sum()", "(x >= 3).mean()", "x == x", "x != 1", "0.5 < x", "2 <= x",
                 "(x > 0.2) & (x < 0.8)", "(x > 0.2) | True", "(x < 1) ^ (x > 0)", "~(x > 1)", "x + x", "x * x",
                 "x - 0.25", "x / x", "1.5 * x", "x + True", "x == 2", "x.var(ddof=1)", "x.std(axis=0)",
                 "x.var(axis=-1)", "x.mean(axis=-1)", "x[x > 0.5]", "x.max() - x.min()", "x.argmin() + x.argmax()",
                 # Python-level loops over the elements (#15): each element a numpy scalar, ordered and added one by one.
                 # (NaN left out of the sorts: where it lands depends on the sort algorithm's comparisons, and
                 # mfsh's merge sort is not CPython's timsort.)
                 "sorted([v for v in x if v == v])", "max(x)", "min(x)", "sum(x)", "[v * 2 for v in x]",
                 "[v for v in x if v > 0.5]", "sorted([v for v in x if v == v], reverse=True)[:3]", "sum(v < 1 for v in x)"]
scalars = [np.float64(2.5), np.int32(7), np.float32(0.1), np.bool_(True), np.str_('x'), np.int64(-3),
           np.float64(1e20), np.float64(float('nan')), np.datetime64('2024-02-29'),
           # float16/float32 print in scientific notation from 1e3/1e6 up and below 1e-4.
           np.float32(-2.5e7), np.float32(999999.0), np.float32(1e-4), np.float16(1000.0), np.float16(999.0), np.float16(1e-4)]
scalar_exprs = ["repr(x)", "str(x)", "x.dtype", "x.shape", "float(x)", "int(x)", "bool(x)", "x.item()",
                "type(x).__name__", "bool(x == 7)", "bool(x == 'x')"]
numeric_scalar_exprs = ["x + 1", "x * 2.5", "1 - x", "x / 2", "x // 2", "-x", "round(x)", "round(x, 1)", "round(x, -1)",
                        "bool(x < 3)", "bool(x >= 2.5)", "x ** 2", "x + np_int8", "x * np_f32"]
frame = pd.DataFrame({'a': [1, 2, 3], 'b': [0.5, 0.25, 1e-7], 'c': ['u', 'v', 'w']}, index=['r', 's', 't'])
series = pd.Series([1.5, 2.5, -1.0], index=[10, 20, 30], name='s')
frame_exprs = ["str(x)", "x.shape", "list(x)", "x.columns.tolist()", "str(x['b'])", "x['a'].tolist()", "x.a.sum()",
               "x.to_dict()", "str(x.head(1))", "str(x.tail(2))", "str(x.dtypes)", "x.loc['s', 'c']", "x.iloc[2, 0]",
               "x.iloc[0].tolist()", "str(x[x['a'].gt(1)])", "str(x.sort_values('b'))", "str(x.sum(numeric_only=True))", "str(x[['a', 'b']].sum())", "str(x.mean(numeric_only=True))", "str(x.count())",
               "str(x.max(numeric_only=True))", "str(x.std(numeric_only=True))", "x.mean()", "repr(x.to_numpy())",
               "repr(x[['a', 'b']].values)", "repr(x[['a']].to_numpy())", "repr(x['b'].to_numpy())", "str(x.loc['s':])", "str(x.loc[:'s', 'c'])", "str(x.loc[:, 'a'])", "str(x.iloc[1:, 0])",
               "str(x.loc['t':'r'])", "str(x.sort_values(['c', 'a'], ascending=False))", "str(x['b'] * 2)", "x['zz']", "len(x)", "'a' in x",
               "str(x.index)", "x.b.max()", "x.loc['q']"]
more_frames = [
    pd.DataFrame({'x': [1.5, float('nan'), -3.25], 'when': pd.to_datetime(['2024-01-01 00:00', '2024-01-02 12:30', None], format='ISO8601'),
                  'obj': ['a', None, 'c'], 'flag': [True, False, True]}),
    pd.DataFrame({'n': range(70), 'sq': [i * i / 3 for i in range(70)]}).set_index('n'),
    pd.DataFrame({'big': [1e7, 2.5e8], 'tiny': [1e-7, 3.0], 'neg': [-1, 2]}, index=pd.Index([5, 9], name='k')),
]
more_frame_exprs = ["str(x)", "x.shape", "str(x.dtypes)", "str(x.head(3))", "str(x.iloc[0])", "x.columns.tolist()",
                    "str(x[x.columns[0]])", "len(x)", "str(x.index)", "str(x.tail(2))", "[(str(i), str(r)) for i, r in x.iterrows()][:2]"]
series_exprs = ["str(x)", "x.name", "str(x.dtype)", "x.tolist()", "x.to_dict()", "x[20]", "x.sum()", "x.mean()",
                "x.index.tolist()", "str(x + 1)", "list(x)", "x[99]", "str(x.head(2))", "x.idxmax()", "len(x)",
                "x.unique()", "x.nunique()", "str(x.value_counts())", "str(x + x)", "20 in x", "2.5 in x",
                "str(x.round(0))", "str(x.abs())", "str(x.cumsum())", "str(x.astype(int))", "x.std()", "x.var()",
                "x.std(ddof=0)", "str(x.sort_values())", "str(x[x.gt(1) & x.lt(2)])", "str(x.gt(0) | x.lt(-0.5))", "str(x.gt(2) ^ x.gt(0))"]
# to_json, duplicates and memory usage over decoded frames, a category column among them (the corpus cannot
# make one; its memory is the codes plus the categories).
json_frames = [pd.DataFrame({'c': pd.Categorical(['p', 'q', 'p', None]), 'n': [1, 2, 1, 2], 'f': [0.1 + 0.2, 1 / 3, 0.1 + 0.2, 1e20]}),
               pd.DataFrame({'c': pd.Categorical(list(range(300)))})]
json_exprs = ["x.to_json()", "x.to_json(orient='split')", "x.to_json(orient='records')", "x['c'].to_json()",
              "str(x.duplicated())", "str(x.drop_duplicates())", "str(x['c'].drop_duplicates())",
              "str(x[['n', 'f']].T)", "str(x[['n', 'f']].diff())", "str(x.shift())", "str(x['c'].shift(-1))",
              "str(x.memory_usage())", "x['c'].memory_usage()", "str(x.memory_usage(index=False))"]
counted = [pd.Series([3, 1, 3, 2, 1, 3, float('nan')], name='v'), pd.Series(['b', 'a', 'b', 'c', 'a']), pd.Series([2, 1, 2, 1])]
counted_exprs = ["str(x.value_counts())", "x.nunique()", "list(x.unique())", "str(x.sort_values())", "x.count()",
                 "str(x.sort_values(ascending=False))", "str(x.sort_index(ascending=False))"]

# Scalar arithmetic and comparisons (#15, the scalar fast path): every operator between numpy
# scalars of the common dtypes and with Python numbers, in both orders (NEP 50 result types, wrapping,
# errors). A Python float is cast to float32 first: 1 + (2**-24 + 2**-60) is 1 in float32. Powers
# of floats are left out: numpy's ufunc and its float64 scalars compute them differently.
pair_scalars = [np.float64(2.5), np.float32(0.1), np.int64(-7), np.int32(7), np.uint8(200), np.bool_(True),
                np.int8(-100), np.float64(float('nan')), np.float32(-1.5), np.bool_(False), np.int64(2**62), np.uint32(5),
                np.float32(1.0), np.uint64(3)]
pair_python = ['3', '2.5', 'True', '0', '-0.0', 'False', '300', '-2', '0.1', '(2**-24 + 2**-60)']
pair_ops = ['+', '-', '*', '/', '//', '%', '**', '&', '|', '^', '<', '<=', '>', '>=', '==', '!=']
pair_exprs = []
for i in range(len(pair_scalars)):
    for other in [f'x[{j}]' for j in range(i, len(pair_scalars))] + pair_python:
        for op in pair_ops:
            if op == '**' and ('.' in other or pair_scalars[i].dtype.kind == 'f' or
                               (other.startswith('x[') and pair_scalars[int(other[2:-1])].dtype.kind == 'f')):
                continue
            pair_exprs += [f'x[{i}] {op} {other}'] + ([f'{other} {op} x[{i}]'] if other != f'x[{i}]' else [])

def check(x, exprs):
    out = []
    for e in exprs:
        try:
            out.append([e, repr(eval(e, {'x': x, 'np_int8': np.int8(3), 'np_f32': np.float32(0.5)}))])
        except Exception as exc:
            # numpy's own exception classes are checked as the builtin class they derive from.
            out.append([e, '!' + next(c.__name__ for c in type(exc).__mro__ if c.__module__ == 'builtins')])
    return out

cases = [(a, common_exprs + numeric_exprs) for a in numeric_arrays] + [(a, common_exprs) for a in other_arrays]
cases += [(s, scalar_exprs + (numeric_scalar_exprs if s.dtype.kind in 'biuf' else [])) for s in scalars]
cases += [(pair_scalars, pair_exprs)]
cases += [(frame, frame_exprs), (series, series_exprs)] + [(c, counted_exprs) for c in counted] + [(f, more_frame_exprs) for f in more_frames]
cases += [(f, json_exprs) for f in json_frames]
print(json.dumps([{"pickle": pickle.dumps(v, protocol=4).hex(), "checks": check(v, ex)} for v, ex in cases]))
"""#

    static func runOracle() throws -> [[String: Any]] {
        let python = top + "/.build-venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw OracleMissing(reason: "\(python) is missing: run Scripts/venv to create the numpy/pandas oracle")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", oracle]
        var env = ProcessInfo.processInfo.environment
        env["PYTHONHASHSEED"] = "0"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, let cases = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw OracleMissing(reason: "the numpy/pandas oracle failed (status \(p.terminationStatus))")
        }
        return cases
    }

    struct OracleMissing: Error, CustomStringConvertible { let reason: String; var description: String { reason } }

    /// The embedder numeric values get in mfsh: a client context (on the demo datastore), whose
    /// conversion of decoded values they use for the elements they hand out.
    func context() throws -> ClientContext {
        let environment = ["METAFLOW_DATASTORE_SYSROOT_LOCAL": Self.top + "/Tests/Fixtures/demo"]
        let config = try Configuration(environment: environment, workingDirectory: FileSystem.currentDirectory())
        return ClientContext(session: try ClientSession(config: config), interpreter: Interpreter())
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.utf8.makeIterator()
        while let hi = it.next(), let lo = it.next() {
            func nibble(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c - 48 }
            out.append(nibble(hi) << 4 | nibble(lo))
        }
        return out
    }

    /// The first element of `a` as a numpy scalar value (the oracle's `np_int8` / `np_f32`).
    func scalar(_ a: NDArray, _ s: ClientContext) -> Value {
        guard let element = a.scalar(atFlat: 0) else { return .none }
        return NumericHosts.make(.numpyScalar(element), converter: s) ?? .none
    }

    @Test func valuesBehaveLikeNumpyAndPandas() throws {
        let cases = try Self.runOracle()
        #expect(cases.count > 20)
        let s = try context()
        var failures: [String] = []
        var checked = 0
        for c in cases {
            guard let hex = c["pickle"] as? String, let checks = c["checks"] as? [[String]] else {
                Issue.record("malformed oracle case")
                continue
            }
            let value = try s.pythonValue(try unpickle(Self.bytes(hex: hex), reconstructors: s.session.pickleReconstructors))
            s.interpreter.registerGlobal("x", value)
            s.interpreter.registerGlobal("np_int8", scalar(NDArray.make(dtype: NDDType(kind: "i", itemSize: 1, byteOrder: "|"), ints: [3], shape: [1]), s))
            s.interpreter.registerGlobal("np_f32", scalar(NDArray.make(dtype: NDDType(kind: "f", itemSize: 4, byteOrder: "<"), doubles: [0.5], shape: [1]), s))
            let shown = (try? s.interpreter.repr(value)) ?? "?"
            for check in checks where check.count == 2 {
                let (expr, expected) = (check[0], check[1])
                var actual: String
                do {
                    if case .str(let text)? = try s.interpreter.executeInteractive(source: "repr(\(expr))") { actual = text } else { actual = "<no value>" }
                } catch let e as UncaughtException {
                    let cls = e.exception.instance.cls
                    actual = "!" + (cls.mro.first { $0.module == "builtins" } ?? cls).name
                }
                checked += 1
                if actual != expected { failures.append("\(shown.prefix(60)) | \(expr): expected \(expected), got \(actual)") }
            }
        }
        #expect(checked > 500)
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.joined(separator: "\n")))
    }

    @Test func arraysCompareElementwise() throws {
        let s = try context()
        guard let a = NumericHosts.make(.ndarray(.int64([1, 2, 3], shape: [3])), converter: s) else {
            Issue.record("no array value")
            return
        }
        s.interpreter.registerGlobal("a", a)
        // A bool array for each comparison, and masks that select (the printed forms are checked
        // against real numpy by Tests/Compat/numpy_compare.py).
        for check in ["(a > 1).tolist() == [False, True, True]", "(a == a).tolist() == [True, True, True]",
                      "(2 <= a).tolist() == [False, True, True]", "a[a != 2].tolist() == [1, 3]",
                      "type(a > 1).__name__ == 'ndarray'"] {
            let v = try s.interpreter.executeInteractive(source: check)
            guard case .bool(true)? = v else { Issue.record("\(check) is not True"); continue }
        }
    }

    @Test func everyNumericKindIsWrapped() throws {
        let s = try context()
        let array = NDArray.float64([1, 2], shape: [2])
        let index = PandasIndex.range(start: 0, stop: 2, step: 1, name: .none)
        let series = Series.make(values: .ndarray(array), index: index, name: .string("v"), dtypeName: "float64")
        let frame = DataFrame.make(columns: .make(className: "Index", labels: .ndarray(.objects([.string("v")], shape: [1])), name: .none, dtypeName: "object"),
                                   index: index, columnValues: [.ndarray(array)], columnDTypeNames: ["float64"])
        let values: [PickleValue] = [.ndarray(array), .numpyScalar(.float64(1)), .dtype(.int64), .dataFrame(frame), .series(series), .index(index)]
        let names = values.map { v -> String in
            guard let wrapped = NumericHosts.make(v, converter: s) else { return "nil" }
            return wrapped.typeName
        }
        #expect(names == ["ndarray", "float64", "Int64DType", "DataFrame", "Series", "RangeIndex"])
    }
}

extension NumericTests {
    @Test func plainValuesForJSON() throws {
        let s = try context()
        let array = NDArray.int64([1, 2, 3], shape: [3])
        let wrapped = NumericHosts.make(.ndarray(array), converter: s) ?? .none
        let plain = try NumericHosts.plainValue(wrapped, interpreter: s.interpreter)
        #expect(try plain.map { try s.interpreter.repr($0) } == s.interpreter.repr(.newList([.int(1), .int(2), .int(3)])))
        let scalar = NumericHosts.make(.numpyScalar(.float64(0.5)), converter: s) ?? .none
        if case .float(let x)? = try NumericHosts.plainValue(scalar, interpreter: s.interpreter) { #expect(x == 0.5) } else { Issue.record("scalar is not a float") }
        #expect(try NumericHosts.plainValue(.int(1), interpreter: s.interpreter) == nil)
    }
}

extension NumericTests {
    /// Absurd shapes (legal when a dimension is 0) and extreme arguments end in Python errors, never a crash.
    @Test func hostileShapesAndArgumentsRaiseInsteadOfCrashing() throws {
        let s = try context()
        let empty = NDArray.make(dtype: .float64, doubles: [], shape: [0, 1 << 40, 1 << 40])
        s.interpreter.registerGlobal("e", NumericHosts.make(.ndarray(empty), converter: s) ?? .none)
        s.interpreter.registerGlobal("a", NumericHosts.make(.ndarray(.int64([1, 2, 3], shape: [3])), converter: s) ?? .none)
        s.interpreter.registerGlobal("f", scalar(.float64([2.5], shape: [1]), s))
        let index = PandasIndex.range(start: 0, stop: 3, step: 1, name: .none)
        let frame = DataFrame.make(columns: .make(className: "Index", labels: .ndarray(.objects([.string("v")], shape: [1])), name: .none, dtypeName: "object"),
                                   index: index, columnValues: [.ndarray(.int64([1, 2, 3], shape: [3]))], columnDTypeNames: ["int64"])
        s.interpreter.registerGlobal("df", NumericHosts.make(.dataFrame(frame), converter: s) ?? .none)
        let sources = ["e.sum(axis=0)", "e.sum(axis=2)", "e.max(axis=1)", "e.T.shape", "e[:, 0].shape", "e.tolist()", "repr(e)",
                       "e.reshape(-1).shape", "a.reshape(4611686018427387904, 4)", "a.reshape(-1, 4611686018427387904)",
                       "round(f, -9223372036854775808)", "round(f, 9223372036854775807)", "a.round(-9223372036854775808)",
                       "df.head(-9223372036854775808)", "df.tail(-9223372036854775808)", "df.head(9223372036854775807)",
                       "a[9223372036854775807]", "a[-9223372036854775808]", "a[::-9223372036854775808]", "a ** 9223372036854775807",
                       "a // 0", "a % 0", "a[0] // 0", "-9223372036854775808 // (a - 2)", "e + a", "e * e", "e.mean()", "e.std()"]
        var outcomes: [String] = []
        for source in sources {
            do {
                _ = try s.interpreter.executeInteractive(source: source)
                outcomes.append("ok")
            } catch let e as UncaughtException {
                outcomes.append(e.exception.instance.cls.name)
            }
        }
        #expect(outcomes.count == sources.count)
    }
}
