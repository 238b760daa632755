import Testing
import MetaflowClient
import MFSInterpreter
import NumPyPandas

/// What mfsh does not do with a MultiIndex (from `df.groupby([a, b])`) must raise a clear
/// "... not supported by/in mfsh" error, never give an answer pandas would not give. (What it does do is
/// checked against CPython by Tests/NumericCorpus/pd_groupby_multikey.py.)
extension NumericTests {
    @Test func multiIndexRefusalsAreClear() throws {
        let s = try context()
        NumericModules.register(in: s.interpreter, converter: s)
        _ = try s.interpreter.executeInteractive(source: """
            import pandas as pd
            df = pd.DataFrame({"a": ["x", "y", "x", "y"], "b": [1, 2, 1, 1], "v": [1.0, 2.0, 3.0, 4.0]})
            g = df.groupby(["a", "b"])
            r = g.mean()
            s = g["v"].sum()
            """)
        let refused = ["r.loc['x']", "s['x']", "s.loc['x']", "r.T", "r.to_csv(index_label='k')", "s.to_json()",
                       "r.rename(index={'x': 'z'})", "pd.concat([r, r])", "pd.Index(r.index)", "r.index.levels", "r.drop('x')",
                       "r.reset_index(level='a')", "df.groupby(('a', 'b'))", "df.groupby(['a', 'a'])", "g.agg(['mean', 'max'])",
                       "r.info()", "r.loc[('x', float('nan'))]", "s + df.groupby(['b', 'a'])['v'].sum()", "s.reset_index(name=None)", "df.groupby(['a', 'b'], as_index=False)['a'].count()", "r.unstack()", "s.unstack(sort=False)"]
        var failures: [String] = []
        for expression in refused {
            _ = try s.interpreter.executeInteractive(source: """
                try:
                    _value = \(expression)
                    _outcome = "no error: " + repr(_value)
                except Exception as e:
                    _outcome = type(e).__name__ + ": " + str(e)
                """)
            guard case .str(let outcome)? = try s.interpreter.executeInteractive(source: "_outcome") else {
                failures.append("\(expression): no outcome")
                continue
            }
            if !(outcome.contains("not supported") && outcome.contains("mfsh")) { failures.append("\(expression): \(outcome)") }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.joined(separator: "\n")))
    }
}
