// `...` / `Ellipsis`: Python's singleton, distinct from None (numpy's `X[..., 0]` tells them apart).

public final class PyEllipsis: HostObject, Sendable {
    public static let shared = PyEllipsis()
    private init() {}

    public var typeName: String { "ellipsis" }
    public func repr() -> String { "Ellipsis" }
    public var doc: String? { "The Ellipsis singleton (`...`)." }

    /// The language value of `...`.
    public static var value: Value { .host(shared) }

    public static func isEllipsis(_ v: Value) -> Bool {
        if case .host(let h) = v { return h === shared }
        return false
    }
}
