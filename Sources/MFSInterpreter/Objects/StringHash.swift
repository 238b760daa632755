// CPython's hash of str and bytes with hash randomisation off (PYTHONHASHSEED=0): SipHash-1-3 with
// a zero key over the string's canonical storage (Latin-1, UCS-2 or UCS-4, little-endian), as
// Python/pyhash.c does. Sets and frozensets lay their members out by hash, so with this the
// order `print({'b', 'a'})` shows is the order CPython shows under PYTHONHASHSEED=0 (and, without
// a fixed seed, CPython's order is random anyway).

func cpythonStringHash(_ s: String) -> Int {
    var maxScalar: UInt32 = 0
    var count = 0
    for u in s.unicodeScalars { maxScalar = max(maxScalar, u.value); count += 1 }
    if count == 0 { return 0 }
    var bytes: [UInt8] = []
    if maxScalar < 0x100 {
        bytes.reserveCapacity(count)
        for u in s.unicodeScalars { bytes.append(UInt8(truncatingIfNeeded: u.value)) }
    } else if maxScalar < 0x10000 {
        bytes.reserveCapacity(count * 2)
        for u in s.unicodeScalars {
            bytes.append(UInt8(truncatingIfNeeded: u.value))
            bytes.append(UInt8(truncatingIfNeeded: u.value >> 8))
        }
    } else {
        bytes.reserveCapacity(count * 4)
        for u in s.unicodeScalars {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: u.value >> UInt32(shift))) }
        }
    }
    return cpythonBytesHash(bytes)
}

func cpythonBytesHash(_ bytes: [UInt8]) -> Int {
    if bytes.isEmpty { return 0 }
    let h = Int(bitPattern: UInt(siphash13(bytes)))
    return h == -1 ? -2 : h
}

private func siphash13(_ input: [UInt8]) -> UInt64 {
    var v0: UInt64 = 0x736f6d6570736575
    var v1: UInt64 = 0x646f72616e646f6d
    var v2: UInt64 = 0x6c7967656e657261
    var v3: UInt64 = 0x7465646279746573
    @inline(__always) func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
    @inline(__always) func round() {
        v0 = v0 &+ v1; v2 = v2 &+ v3
        v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2
        v0 = rotl(v0, 32)
        v2 = v2 &+ v1; v0 = v0 &+ v3
        v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0
        v2 = rotl(v2, 32)
    }
    let n = input.count
    var i = 0
    while n - i >= 8 {
        var m: UInt64 = 0
        for k in 0..<8 { m |= UInt64(input[i + k]) << UInt64(8 * k) }
        v3 ^= m
        round()
        v0 ^= m
        i += 8
    }
    var b = UInt64(truncatingIfNeeded: n) << 56
    var k = 0
    while i + k < n { b |= UInt64(input[i + k]) << UInt64(8 * k); k += 1 }
    v3 ^= b
    round()
    v0 ^= b
    v2 ^= 0xff
    round(); round(); round()
    return (v0 ^ v1) ^ (v2 ^ v3)
}
