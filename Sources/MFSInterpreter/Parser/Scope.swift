// Scope analysis: decides for every name whether it is a fast local, a closure cell or a global.

final class Scope {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    let parent: Scope?
    let code: FunctionCode?
    var bound: [String] = []
    var boundSet: Set<String> = []
    var globalDecl: Set<String> = []
    var nonlocalDecl: Set<String> = []
    var names: [NameExpr] = []
    var children: [Scope] = []
    var params: [String] = []

    // Filled by the resolver.
    var locals: Set<String> = []
    var cellNames: [String] = []
    var freeNames: [String] = []
    var cellIndex: [String: Int] = [:]
    var fastIndex: [String: Int] = [:]

    init(_ kind: Kind, parent: Scope?, code: FunctionCode?) {
        self.kind = kind; self.parent = parent; self.code = code
    }

    func bind(_ name: String) {
        if boundSet.insert(name).inserted { bound.append(name) }
    }

    var isFunctionLike: Bool { kind == .function || kind == .comprehension }
}

struct ScopeResolver {
    let globals: Globals

    func resolve(_ root: Scope) {
        computeLocals(root)
        findFree(root)
        layout(root)
        assign(root)
    }

    private func computeLocals(_ s: Scope) {
        if s.isFunctionLike {
            for n in s.bound where !s.globalDecl.contains(n) && !s.nonlocalDecl.contains(n) { s.locals.insert(n) }
            for p in s.params { s.locals.insert(p) }
        }
        for c in s.children { computeLocals(c) }
    }

    private func addUnique(_ arr: inout [String], _ n: String) { if !arr.contains(n) { arr.append(n) } }

    /// Finds the function scope defining `name` for a reference from `s`, marking cells/free vars on the way.
    private func captureFree(_ name: String, from s: Scope) -> Bool {
        var path: [Scope] = [s]
        var cur = s.parent
        while let c = cur {
            if c.kind == .module { return false }
            if c.isFunctionLike && c.locals.contains(name) && !c.nonlocalDecl.contains(name) {
                addUnique(&c.cellNames, name)
                for p in path { addUnique(&p.freeNames, name) }
                return true
            }
            if c.isFunctionLike && c.globalDecl.contains(name) { return false }
            path.append(c)
            cur = c.parent
        }
        return false
    }

    private func findFree(_ s: Scope) {
        for n in s.names { _ = classifyFree(n.name, s) }
        if s.kind == .function || s.kind == .comprehension {
            for n in s.nonlocalDecl { _ = captureFree(n, from: s) }
        }
        for c in s.children { findFree(c) }
    }

    private func classifyFree(_ name: String, _ s: Scope) -> Bool {
        switch s.kind {
        case .module: return false
        case .function, .comprehension:
            if s.globalDecl.contains(name) { return false }
            if s.locals.contains(name) { return false }
            return captureFree(name, from: s)
        case .classBody:
            if s.globalDecl.contains(name) { return false }
            if s.boundSet.contains(name) && !s.nonlocalDecl.contains(name) { return false }
            return captureFree(name, from: s)
        }
    }

    private func layout(_ s: Scope) {
        if s.kind != .module {
            var idx = 0
            for n in s.cellNames { s.cellIndex[n] = idx; idx += 1 }
            for n in s.freeNames where s.cellIndex[n] == nil { s.cellIndex[n] = idx; idx += 1 }
            var fast = 0
            var order = s.params
            for n in s.bound where !order.contains(n) { order.append(n) }
            for n in order where s.locals.contains(n) && !s.cellNames.contains(n) {
                s.fastIndex[n] = fast; fast += 1
            }
            if let code = s.code {
                code.nLocals = fast
                code.nCells = s.cellNames.count
                var ln = [String](repeating: "", count: fast)
                for (n, i) in s.fastIndex { ln[i] = n }
                code.localNames = ln
                var cn = [String](repeating: "", count: idx)
                for (n, i) in s.cellIndex where i < idx { cn[i] = n }
                code.cellNames = cn
            }
        }
        for c in s.children { layout(c) }
    }

    private func locate(_ name: String, _ s: Scope) -> NameLoc {
        switch s.kind {
        case .module:
            return .global(globals.slot(name))
        case .function, .comprehension:
            if s.globalDecl.contains(name) { return .global(globals.slot(name)) }
            if let i = s.fastIndex[name] { return .fast(i) }
            if let i = s.cellIndex[name] { return .cell(i) }
            return .global(globals.slot(name))
        case .classBody:
            if s.globalDecl.contains(name) { return .global(globals.slot(name)) }
            if s.boundSet.contains(name) && !s.nonlocalDecl.contains(name) { return .classBody(globals.slot(name)) }
            if let i = s.cellIndex[name] { return .cell(i) }
            return .classBody(globals.slot(name))
        }
    }

    private func assign(_ s: Scope) {
        for n in s.names { n.loc = locate(n.name, s) }
        if let code = s.code, s.kind != .module {
            for i in code.params.indices { code.params[i].loc = locate(code.params[i].name, s) }
            if let p = s.parent {
                code.freeSources = s.freeNames.map { p.cellIndex[$0] ?? 0 }
            }
        }
        for c in s.children { assign(c) }
    }
}
