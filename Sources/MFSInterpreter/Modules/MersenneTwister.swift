// MT19937 exactly as CPython's Modules/_randommodule.c runs it, so that a seeded script draws the
// same numbers here as under CPython.
import BigInt

struct MersenneTwister {
    static let n = 624
    static let m = 397
    var state = [UInt32](repeating: 0, count: MersenneTwister.n)
    /// The next word of `state` to temper; `n` means the block must be regenerated first.
    var index = MersenneTwister.n

    mutating func initGenrand(_ seed: UInt32) {
        state[0] = seed
        for i in 1..<Self.n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    mutating func initByArray(_ key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(Self.n, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    /// CPython's seeding from an integer: the 32-bit words of its absolute value, least significant first.
    mutating func seed(_ value: BigInt) {
        var words: [UInt32] = []
        for w in value.magnitude.words {
            words.append(UInt32(truncatingIfNeeded: w))
            words.append(UInt32(truncatingIfNeeded: UInt64(w) >> 32))
        }
        while words.count > 1, words.last == 0 { words.removeLast() }
        initByArray(words.isEmpty ? [0] : words)
    }

    mutating func next32() -> UInt32 {
        if index >= Self.n { regenerate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        func mixed(_ a: UInt32, _ b: UInt32, _ far: UInt32) -> UInt32 {
            let y = (a & 0x8000_0000) | (b & 0x7fff_ffff)
            return far ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_b0df)
        }
        let n = Self.n, m = Self.m
        for k in 0..<(n - m) { state[k] = mixed(state[k], state[k + 1], state[k + m]) }
        for k in (n - m)..<(n - 1) { state[k] = mixed(state[k], state[k + 1], state[k + m - n]) }
        state[n - 1] = mixed(state[n - 1], state[0], state[m - 1])
        index = 0
    }

    /// `random.random()`: 53 random bits as a float in [0, 1).
    mutating func random() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k ≥ 0: 32-bit draws filled least significant word first, the last one
    /// keeping only its top bits.
    mutating func bits(_ k: Int) -> BigInt {
        if k == 0 { return 0 }
        if k <= 32 { return BigInt(next32() >> (32 - UInt32(k))) }
        var words: [UInt] = []
        var remaining = k, pending: UInt64 = 0, half = 0
        while remaining > 0 {
            var r = next32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            pending |= UInt64(r) << (32 * UInt64(half))
            half += 1
            if half == 2 { words.append(UInt(pending)); pending = 0; half = 0 }
            remaining -= 32
        }
        if half == 1 { words.append(UInt(pending)) }
        return BigInt(sign: .plus, magnitude: BigUInt(words: words))
    }

    /// `_randbelow(n)` for n > 0: draws of n.bit_length() bits until one is below n.
    mutating func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        while true {
            let r: Int
            if k <= 32 { r = Int(next32() >> (32 - UInt32(k))) } else if let v = Int(exactly: bits(k)) { r = v } else { continue }
            if r < n { return r }
        }
    }

    mutating func below(_ n: BigInt) -> BigInt {
        if let small = Int(exactly: n) { return BigInt(below(small)) }
        let k = n.magnitude.bitWidth  // BigUInt.bitWidth is the bit length
        while true {
            let r = bits(k)
            if r < n { return r }
        }
    }
}
