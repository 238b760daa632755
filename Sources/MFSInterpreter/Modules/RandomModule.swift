// The random module: random.Random over CPython's Mersenne Twister, its methods written after
// CPython 3.11's Lib/random.py step for step, so a seeded script draws the same values.
import Glibc
import BigInt

/// A `random.Random` instance; the module's functions are the methods of one hidden instance.
final class RandomGenerator: HostObject {
    unowned let interp: Interpreter
    var twister = MersenneTwister()
    var gaussNext: Double?

    init(_ interp: Interpreter) { self.interp = interp }

    var typeName: String { "Random" }
    static let methodNames = ["betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss", "getrandbits",
                              "getstate", "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint", "random",
                              "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate",
                              "weibullvariate"]
    var attributeNames: [String] { Self.methodNames }
    func repr() -> String { "<random.Random object at \(interp.addressText(of: self))>" }

    func getAttribute(_ name: String) throws -> Value? {
        guard Self.methodNames.contains(name) else { return nil }
        return .newBuiltin(name) { [self] args, kw in try call(name, args, kw) }
    }

    private func sig(_ name: String, _ positional: [String], required: Int? = nil, keywordOnly: [String] = []) -> PythonSignature {
        PythonSignature("Random.\(name)", positional, required: required, keywordOnly: keywordOnly, isMethod: true)
    }

    private func float(_ v: Value) throws -> Double {
        guard let n = toNum(v) else { throw PyException.typeError("must be real number, not \(v.typeName)") }
        return try toDouble(n)
    }

    func call(_ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        switch name {
        case "seed":
            let a = try sig("seed", ["a", "version"], required: 0).bind(args, kw)
            try seed(a[0] ?? .none, version: a[1] ?? .int(2))
            return .none
        case "random":
            if !kw.isEmpty { throw PyException.typeError("Random.random() takes no keyword arguments") }
            if !args.isEmpty { throw PyException.typeError("Random.random() takes no arguments (\(args.count) given)") }
            return .float(twister.random())
        case "getrandbits":
            try checkArgs("getrandbits", args, 1, 1)
            let k = try expectInt(args[0])
            if k < 0 { throw PyException.valueError("number of bits must be non-negative") }
            return .integer(twister.bits(k))
        case "randbytes":
            let a = try sig("randbytes", ["n"]).bind(args, kw)
            let n = try expectInt(a[0] ?? .none)
            let bits = twister.bits(n * 8).magnitude
            return .bytes((0..<n).map { UInt8(truncatingIfNeeded: bits >> ($0 * 8)) })
        case "randrange":
            let a = try sig("randrange", ["start", "stop", "step"], required: 1).bind(args, kw)
            return try randrange(a[0] ?? .none, a[1] ?? .none, a[2])
        case "randint":
            let a = try sig("randint", ["a", "b"]).bind(args, kw)
            return try randrange(a[0] ?? .none, try interp.binaryOp(.add, a[1] ?? .none, .int(1)), nil)
        case "choice":
            let a = try sig("choice", ["seq"]).bind(args, kw)
            let seq = a[0] ?? .none
            let n = try interp.length(seq)
            if n == 0 { throw PyException.indexError("Cannot choose from an empty sequence") }
            return try interp.getItem(seq, .int(twister.below(n)))
        case "shuffle":
            let a = try sig("shuffle", ["x"]).bind(args, kw)
            let x = a[0] ?? .none
            let n = try interp.length(x)
            for i in stride(from: n - 1, through: 1, by: -1) {
                let j = twister.below(i + 1)
                if case .list(let l) = x { l.items.swapAt(i, j); continue }
                let vi = try interp.getItem(x, .int(i)), vj = try interp.getItem(x, .int(j))
                try interp.setItem(x, .int(i), vj)
                try interp.setItem(x, .int(j), vi)
            }
            return .none
        case "sample":
            let a = try sig("sample", ["population", "k"], keywordOnly: ["counts"]).bind(args, kw)
            return try sample(a[0] ?? .none, a[1] ?? .none, counts: a[2])
        case "choices":
            let a = try sig("choices", ["population", "weights"], required: 1, keywordOnly: ["cum_weights", "k"]).bind(args, kw)
            return try choices(a[0] ?? .none, weights: a[1], cumWeights: a[2], k: a[3] ?? .int(1))
        case "uniform":
            let a = try sig("uniform", ["a", "b"]).bind(args, kw)
            let low = a[0] ?? .none, high = a[1] ?? .none
            let span = try interp.binaryOp(.sub, high, low)
            return try interp.binaryOp(.add, low, try interp.binaryOp(.mul, span, .float(twister.random())))
        case "triangular":
            let a = try sig("triangular", ["low", "high", "mode"], required: 0).bind(args, kw)
            var low = try float(a[0] ?? .float(0)), high = try float(a[1] ?? .float(1))
            var u = twister.random()
            var c = 0.5
            if let mode = a[2], !mode.isNone {
                if high == low { return .float(low) }
                c = (try float(mode) - low) / (high - low)
            }
            if u > c { u = 1 - u; c = 1 - c; swap(&low, &high) }
            return .float(low + (high - low) * (u * c).squareRoot())
        case "gauss", "normalvariate":
            let a = try sig(name, ["mu", "sigma"], required: 0).bind(args, kw)
            let mu = try float(a[0] ?? .float(0)), sigma = try float(a[1] ?? .float(1))
            return .float(mu + (name == "gauss" ? gauss() : normal()) * sigma)
        case "lognormvariate":
            let a = try sig(name, ["mu", "sigma"]).bind(args, kw)
            return .float(Glibc.exp(try float(a[0] ?? .none) + normal() * (try float(a[1] ?? .none))))
        case "expovariate":
            let a = try sig(name, ["lambd"]).bind(args, kw)
            let lambd = try float(a[0] ?? .none)
            if lambd == 0 { throw PyException.zeroDivision("float division by zero") }
            return .float(-Glibc.log(1 - twister.random()) / lambd)
        case "vonmisesvariate":
            let a = try sig(name, ["mu", "kappa"]).bind(args, kw)
            return .float(vonMises(try float(a[0] ?? .none), try float(a[1] ?? .none)))
        case "betavariate":
            let a = try sig(name, ["alpha", "beta"]).bind(args, kw)
            let y = try gamma(try float(a[0] ?? .none), 1)
            if y == 0 { return .float(0) }
            return .float(y / (y + (try gamma(try float(a[1] ?? .none), 1))))
        case "gammavariate":
            let a = try sig(name, ["alpha", "beta"]).bind(args, kw)
            return .float(try gamma(try float(a[0] ?? .none), try float(a[1] ?? .none)))
        case "paretovariate":
            let a = try sig(name, ["alpha"]).bind(args, kw)
            return .float(Glibc.pow(1.0 - twister.random(), -1.0 / (try float(a[0] ?? .none))))
        case "weibullvariate":
            let a = try sig(name, ["alpha", "beta"]).bind(args, kw)
            let alpha = try float(a[0] ?? .none), beta = try float(a[1] ?? .none)
            return .float(alpha * Glibc.pow(-Glibc.log(1.0 - twister.random()), 1.0 / beta))
        case "getstate":
            _ = try sig(name, []).bind(args, kw)
            let words = twister.state.map { Value.int(Int($0)) } + [.int(twister.index)]
            return .tuple([.int(3), .tuple(words), gaussNext.map { .float($0) } ?? .none])
        case "setstate":
            let a = try sig(name, ["state"]).bind(args, kw)
            try setState(a[0] ?? .none)
            return .none
        default:
            throw PyException.attributeError("'Random' object has no attribute '\(name)'")
        }
    }

    func seed(_ a: Value, version: Value) throws {
        gaussNext = nil
        switch a {
        case .none:
            var system = SystemRandomNumberGenerator()
            twister.initByArray((0..<MersenneTwister.n).map { _ in UInt32.random(in: .min ... .max, using: &system) })
        case .int(let i): twister.seed(BigInt(i))
        case .bigint(let b): twister.seed(b.value)
        case .str, .bytes:
            var bytes: [UInt8]
            if case .str(let s) = a { bytes = Array(s.utf8) } else if case .bytes(let b) = a { bytes = b } else { bytes = [] }
            if try interp.valuesEqual(version, .int(1)) {
                twister.seed(BigInt(version1Hash(bytes, isText: { if case .str = a { return true }; return false }())))
                return
            }
            bytes += SHA512.digest(bytes)
            twister.seed(BigInt(sign: .plus, magnitude: bytes.reduce(BigUInt(0)) { $0 << 8 | BigUInt($1) }))
        case .float, .bool:
            // CPython seeds from hash(a) read as an unsigned machine word.
            twister.seed(BigInt(UInt(bitPattern: try pyHash(a))))
        default:
            throw PyException.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    }

    /// random.seed(s, version=1): the pre-3.2 string hash.
    private func version1Hash(_ bytes: [UInt8], isText: Bool) -> UInt64 {
        let codes: [UInt64] = isText ? (String(decoding: bytes, as: UTF8.self).unicodeScalars.map { UInt64($0.value) }) : bytes.map { UInt64($0) }
        var x: UInt64 = codes.first.map { $0 << 7 } ?? 0
        for c in codes { x = (1_000_003 &* x) ^ c }
        return x ^ UInt64(codes.count)
    }

    private func setState(_ state: Value) throws {
        let parts = try interp.toArray(state)
        guard parts.count == 3, case .int(let version) = parts[0], version == 2 || version == 3 else {
            throw PyException.valueError("state with version \(try interp.repr(parts.first ?? .none)) passed to Random.setstate() of version 3")
        }
        let words = try interp.toArray(parts[1])
        guard words.count == MersenneTwister.n + 1 else { throw PyException.valueError("state vector is the wrong size") }
        let index = try expectInt(words[MersenneTwister.n])
        guard (0...MersenneTwister.n).contains(index) else { throw PyException.valueError("invalid state") }
        twister.state = try words.prefix(MersenneTwister.n).map {
            guard let w = UInt32(exactly: try expectInt($0)) else { throw PyException.overflow("Python int too large to convert to C unsigned long") }
            return w
        }
        twister.index = index
        gaussNext = parts[2].isNone ? nil : try float(parts[2])
    }

    private func gauss() -> Double {
        if let z = gaussNext { gaussNext = nil; return z }
        let x2pi = twister.random() * 2 * Double.pi
        let g2rad = (-2.0 * Glibc.log(1.0 - twister.random())).squareRoot()
        gaussNext = Glibc.sin(x2pi) * g2rad
        return Glibc.cos(x2pi) * g2rad
    }

    private func normal() -> Double {
        let magic = 4 * Glibc.exp(-0.5) / 2.0.squareRoot()
        while true {
            let u1 = twister.random(), u2 = 1.0 - twister.random()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -Glibc.log(u2) { return z }
        }
    }

    private func vonMises(_ mu: Double, _ kappa: Double) -> Double {
        if kappa <= 1e-6 { return 2 * Double.pi * twister.random() }
        let s = 0.5 / kappa, r = s + (1.0 + s * s).squareRoot()
        var z: Double
        while true {
            z = Glibc.cos(Double.pi * twister.random())
            let d = z / (r + z), u2 = twister.random()
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * Glibc.exp(d) { break }
        }
        let q = 1.0 / r, f = (q + z) / (1.0 + q * z)
        let theta = twister.random() > 0.5 ? mu + Glibc.acos(f) : mu - Glibc.acos(f)
        // Python's float %: the remainder takes the divisor's sign.
        let rem = Glibc.fmod(theta, 2 * Double.pi)
        return rem < 0 ? rem + 2 * Double.pi : rem + 0.0
    }

    private func gamma(_ alpha: Double, _ beta: Double) throws -> Double {
        if alpha <= 0 || beta <= 0 { throw PyException.valueError("gammavariate: alpha and beta must be > 0.0") }
        if alpha > 1 {
            let ainv = (2.0 * alpha - 1.0).squareRoot(), bbb = alpha - Glibc.log(4.0), ccc = alpha + ainv
            let sgMagic = 1.0 + Glibc.log(4.5)
            while true {
                let u1 = twister.random()
                if !(1e-7 < u1 && u1 < 0.9999999) { continue }
                let u2 = 1.0 - twister.random()
                let v = Glibc.log(u1 / (1.0 - u1)) / ainv, x = alpha * Glibc.exp(v)
                let z = u1 * u1 * u2, r = bbb + ccc * v - x
                if r + sgMagic - 4.5 * z >= 0.0 || r >= Glibc.log(z) { return x * beta }
            }
        }
        if alpha == 1 { return -Glibc.log(1.0 - twister.random()) * beta }
        while true {
            let u = twister.random(), b = (M_E + alpha) / M_E, p = b * u
            let x = p <= 1.0 ? Glibc.pow(p, 1.0 / alpha) : -Glibc.log((b - p) / alpha)
            let u1 = twister.random()
            if p > 1.0 ? u1 <= Glibc.pow(x, alpha - 1.0) : u1 <= Glibc.exp(-x) { return x * beta }
        }
    }
}
