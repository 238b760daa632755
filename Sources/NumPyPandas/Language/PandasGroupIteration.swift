// The groups of `df.groupby(...)` one by one: `for key, rows in g`, `len(g)` and `g.get_group(key)`. A
// key is the group's label as Python values (a tuple when the keys were given as a list); the rows
// keep the frame's order and index.
import MFSInterpreter
import Pickle

extension GroupByHost {
    func length() throws -> Int { try groups().count }

    func makeIterator() throws -> PyIterator {
        let g = try groups()
        let members = memberRows(g)
        var k = 0
        return ClosureIterator("generator") { [self] in
            guard k < g.count else { return nil }
            defer { k += 1 }
            return .tuple([try key(of: k, g), rows(members[k])])
        }
    }

    /// `get_group(name)`: the rows of the group labelled `name` (a KeyError when there is none).
    func group(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("get_group", args, kwargs, ["name"], required: 1)
        let name = a["name"] ?? .none
        let g = try groups()
        let members = memberRows(g)
        for k in 0..<g.count where try env.converter.interpreter.equal(try key(of: k, g), name) { return rows(members[k]) }
        throw PyException.keyError(name)
    }

    private func memberRows(_ g: PandasGroups) -> [[Int]] {
        var members = [[Int]](repeating: [], count: g.count)
        for (r, code) in g.codes.enumerated() where code >= 0 { members[code].append(r) }
        return members
    }

    /// The key of group `k` as pandas yields it: Python scalars, a tuple for several keys or a list of one.
    private func key(of k: Int, _ g: PandasGroups) throws -> Value {
        let parts = try keyColumns.map { try env.pythonElement(frame.columnValues[$0], g.firstRows[k]) }
        return options.byList || parts.count > 1 ? .tuple(parts) : parts[0]
    }

    /// The rows of one group: the selected column (SeriesGroupBy), the selected columns, or whole rows.
    private func rows(_ members: [Int]) -> Value {
        let whole = DataFrameHost(frame, env: env)
        if asSeries, let c = selected.first {
            let column = whole.column(c)
            return column.withValues(env.take(column.series.values, members), rows: members)
        }
        let source = options.selectionGiven ? whole.selectColumns(selected) : whole
        return source.selectRows(members)
    }
}
