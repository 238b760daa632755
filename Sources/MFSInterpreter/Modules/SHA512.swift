// SHA-512 (FIPS 180-4), for random.seed of a str or bytes, which CPython turns into an integer
// through the seed's own bytes followed by their SHA-512 digest.
import BigInt

enum SHA512 {
    /// First 64 bits of the fractional parts of the cube roots of the first 80 primes, and of the
    /// square roots of the first 8: computed from their definition rather than copied as 88 literals.
    static let constants: (rounds: [UInt64], initial: [UInt64]) = {
        var primes: [Int] = []
        var candidate = 2
        while primes.count < 80 {
            if !primes.contains(where: { candidate % $0 == 0 }) { primes.append(candidate) }
            candidate += 1
        }
        func low64(_ v: BigUInt) -> UInt64 { UInt64(v.words.first ?? 0) }
        let rounds = primes.map { low64(integerCubeRoot(BigUInt($0) << 192)) }
        let initial = primes.prefix(8).map { low64((BigUInt($0) << 128).squareRoot()) }
        return (rounds, Array(initial))
    }()

    private static func integerCubeRoot(_ n: BigUInt) -> BigUInt {
        var x = BigUInt(1) << (n.bitWidth / 3 + 1)
        while true {
            let next = (2 * x + n / (x * x)) / 3
            if next >= x { return x }
            x = next
        }
    }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        let (k, initial) = constants
        var h = initial
        var data = message
        data.append(0x80)
        while data.count % 128 != 112 { data.append(0) }
        data += [UInt8](repeating: 0, count: 8)
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }
        var w = [UInt64](repeating: 0, count: 80)
        for block in stride(from: 0, to: data.count, by: 128) {
            for t in 0..<16 {
                w[t] = (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(data[block + t * 8 + $1]) }
            }
            for t in 16..<80 {
                let s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
                let s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for t in 0..<80 {
                let t1 = hh &+ (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                let t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) &+ ((a & b) ^ (a & c) ^ (b & c))
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        return h.flatMap { word in stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> UInt64($0)) } }
    }
}
