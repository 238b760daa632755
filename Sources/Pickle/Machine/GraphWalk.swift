// After the opcode loop: one iterative post-order walk over every container built. It measures nesting
// (rejecting anything deeper than `maxDepth`, so no later recursive walk or release can overflow the
// stack), replaces each interpreted object by its dedicated case, and keeps sharing and cycles intact.

extension PickleMachine {
    mutating func finish(_ root: PickleValue) throws(UnpicklingError) -> PickleValue {
        var walker = GraphWalker(maxDepth: options.maxDepth, interprets: options.interpretsKnownTypes,
                                 reconstructors: options.reconstructors, offset: reader.opcodeStart)
        walker.reserve(nodes.count)
        for node in nodes { try walker.walk(from: node) }
        nodes = []
        return walker.resolve(root)
    }
}

/// The raw (phase-one) containers of a value, for traversal.
private func rawChildren(_ value: PickleValue) -> [PickleValue] {
    switch value {
    case .list(let l): return l.items
    case .tuple(let t): return t.items
    case .dict(let d): return d.keys + d.values
    case .set(let s), .frozenset(let s): return s.items
    case .object(let o):
        var children = [o.callable] + o.args + o.listItems
        if let kwargs = o.kwargs { children.append(.dict(kwargs)) }
        if let state = o.state { children.append(state) }
        if let items = o.dictItems { children.append(.dict(items)) }
        return children + o.additionalStates
    default: return []
    }
}

/// Identity of a raw container that can have children.
private func rawNodeIdentity(_ value: PickleValue) -> ObjectIdentifier? {
    switch value {
    case .list(let x): return ObjectIdentifier(x)
    case .tuple(let x): return ObjectIdentifier(x)
    case .dict(let x): return ObjectIdentifier(x)
    case .set(let x), .frozenset(let x): return ObjectIdentifier(x)
    case .object(let x): return ObjectIdentifier(x)
    default: return nil
    }
}

/// Empties a container without recursion (its children stay alive elsewhere until released one by one).
func dismantle(_ value: PickleValue) {
    switch value {
    case .list(let l): l.items = []
    case .tuple(let t): t.items = []
    case .dict(let d): _ = d.dismantle()
    case .set(let s), .frozenset(let s): _ = s.dismantle()
    case .object(let o):
        o.callable = .none; o.args = []; o.kwargs = nil; o.state = nil; o.listItems = []; o.dictItems = nil
        o.additionalStates = []
    default: break
    }
}

struct GraphWalker {
    let maxDepth: Int
    let interprets: Bool
    let reconstructors: [any ClassReconstructor]
    let offset: Int
    /// Height of each finished node; -1 while it is on the walk's stack.
    private var height: [ObjectIdentifier: Int] = [:]
    /// Interpreted replacement of each object.
    private var replacement: [ObjectIdentifier: PickleValue] = [:]

    init(maxDepth: Int, interprets: Bool, reconstructors: [any ClassReconstructor], offset: Int) {
        self.maxDepth = maxDepth; self.interprets = interprets; self.reconstructors = reconstructors; self.offset = offset
    }

    private struct Frame {
        let node: PickleValue
        let id: ObjectIdentifier
        let children: [PickleValue]
        var next = 0
        var height = 1
    }

    mutating func reserve(_ count: Int) { height.reserveCapacity(count) }

    func resolve(_ value: PickleValue) -> PickleValue {
        if case .object(let o) = value, let r = replacement[ObjectIdentifier(o)] { return r }
        return value
    }

    mutating func walk(from start: PickleValue) throws(UnpicklingError) {
        guard let startID = rawNodeIdentity(start), height[startID] == nil else { return }
        var stack = [Frame(node: start, id: startID, children: rawChildren(start))]
        height[startID] = -1
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].next < stack[top].children.count {
                let child = stack[top].children[stack[top].next]
                stack[top].next += 1
                guard let id = rawNodeIdentity(child) else { continue }
                if let h = height[id] {
                    if h >= 0 { stack[top].height = max(stack[top].height, h + 1) }
                    continue  // -1: a cycle back to a node being walked; cycles add no depth
                }
                guard stack.count < maxDepth else {
                    throw UnpicklingError("nesting deeper than the limit of \(maxDepth) levels", at: offset)
                }
                height[id] = -1
                stack.append(Frame(node: child, id: id, children: rawChildren(child)))
                continue
            }
            let frame = stack.removeLast()
            guard frame.height <= maxDepth else {
                throw UnpicklingError("nesting deeper than the limit of \(maxDepth) levels", at: offset)
            }
            height[frame.id] = frame.height
            try complete(frame.node)
            if let parent = stack.indices.last {
                stack[parent].height = max(stack[parent].height, frame.height + 1)
            }
        }
    }

    /// All children are final: rewrite references to interpreted objects, then interpret this node.
    private mutating func complete(_ node: PickleValue) throws(UnpicklingError) {
        let resolver = { [replacement] (v: PickleValue) -> PickleValue in
            if case .object(let o) = v, let r = replacement[ObjectIdentifier(o)] { return r }
            return v
        }
        func needsRewrite(_ values: [PickleValue]) -> Bool {
            values.contains { if case .object(let o) = $0 { return replacement[ObjectIdentifier(o)] != nil }; return false }
        }
        switch node {
        case .list(let l): if needsRewrite(l.items) { l.items = l.items.map(resolver) }
        case .tuple(let t): if needsRewrite(t.items) { t.items = t.items.map(resolver) }
        case .dict(let d): if needsRewrite(d.keys) || needsRewrite(d.values) { d.rewrite(resolver) }
        case .set(let s), .frozenset(let s): if needsRewrite(s.items) { s.rewrite(resolver) }
        case .object(let o):
            o.callable = resolver(o.callable)
            if needsRewrite(o.args) { o.args = o.args.map(resolver) }
            if needsRewrite(o.listItems) { o.listItems = o.listItems.map(resolver) }
            if let state = o.state { o.state = resolver(state) }
            if needsRewrite(o.additionalStates) { o.additionalStates = o.additionalStates.map(resolver) }
            guard interprets else { return }
            if let value = interpretObject(o) {
                replacement[ObjectIdentifier(o)] = value
            } else if !reconstructors.isEmpty, case .global(let module, let name) = o.callable {
                do {
                    for reconstructor in reconstructors {
                        guard let value = try reconstructor.reconstruct(o, module: module, name: name) else { continue }
                        replacement[ObjectIdentifier(o)] = value
                        break
                    }
                } catch {
                    throw UnpicklingError(error.message, at: offset)
                }
            }
        default: break
        }
    }
}
