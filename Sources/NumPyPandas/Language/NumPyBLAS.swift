// The float64 products numpy hands to OpenBLAS, added up in the order OpenBLAS' x86-64 kernels add
// them (the SkylakeX/Haswell ddot and dgemv kernels numpy's wheels pick on AVX2/AVX-512 machines), so
// that `a @ b` prints numpy's digits and not merely close ones. Checked against numpy 2.4 (OpenBLAS
// 0.3.31, SkylakeX core) on random data: ddot of 1 to 50,000 elements, and matrix @ vector of 1 to 50
// rows by 1 to 5,000 columns, all bit-identical. Matrix @ matrix is one fused multiply-add chain per
// element (OpenBLAS' small-matrix kernels); vector @ matrix follows dgemv_n's generic kernel: both agree
// on most shapes and can differ in the last bit on some.
import Glibc

enum BLASOrder {
    /// OpenBLAS splits a ddot of more than 10,000 elements across its threads, one per CPU, and adds the
    /// partial sums in order.
    static let threads: Int = {
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"] {
            if let text = getenv(name).map({ String(cString: $0) }), let n = Int(text), n > 0 { return min(n, 64) }
        }
        return max(1, min(64, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }()

    /// `np.dot(x, y)` of two float64 vectors of `n` elements (`x[i]` at `x(i)`).
    static func dot(_ n: Int, _ x: (Int) -> Double, _ y: (Int) -> Double) -> Double {
        guard n > 10_000, threads > 1 else { return kernelDot(n, 0, x, y) }
        var total = 0.0, start = 0
        for t in 0..<threads {
            let width = (n - start + (threads - t) - 1) / (threads - t)
            total += kernelDot(width, start, x, y)
            start += width
        }
        return total
    }

    /// ddot.c over elements start..<start+n: blocks of 32 in four 8-wide FMA accumulators, folded to
    /// 4-wide ones for blocks of 16, then the rest one FMA at a time.
    private static func kernelDot(_ n: Int, _ start: Int, _ x: (Int) -> Double, _ y: (Int) -> Double) -> Double {
        let n16 = n & ~15, n32 = n16 & ~31
        var dot = 0.0
        if n16 > 0 {
            var wide = [Double](repeating: 0, count: 32)
            var i = 0
            while i < n32 {
                for lane in 0..<32 { wide[lane] = fma(x(start + i + lane), y(start + i + lane), wide[lane]) }
                i += 32
            }
            // Four 4-wide accumulators: the two halves of each 8-wide one added.
            var acc = [Double](repeating: 0, count: 16)
            for v in 0..<4 { for l in 0..<4 { acc[v * 4 + l] = wide[v * 8 + l] + wide[v * 8 + l + 4] } }
            while i < n16 {
                for lane in 0..<16 { acc[lane] = fma(x(start + i + lane), y(start + i + lane), acc[lane]) }
                i += 16
            }
            var s = [Double](repeating: 0, count: 4)
            for l in 0..<4 { s[l] = ((acc[l] + acc[4 + l]) + acc[8 + l]) + acc[12 + l] }
            dot = (s[0] + s[2]) + (s[1] + s[3])
        }
        for i in n16..<n { dot = fma(y(start + i), x(start + i), dot) }
        return dot
    }

    /// `A @ v` for a C-ordered float64 matrix of `rows` x `k` (dgemv_t): rows four at a time with a
    /// 4-wide FMA accumulator each, the last two and the last one with SSE kernels, columns in blocks
    /// of 2048, the last k % 4 columns added afterwards. A single row is a ddot.
    static func matrixVector(rows: Int, k: Int, _ a: (Int) -> Double, _ v: (Int) -> Double) -> [Double] {
        if rows == 1 { return [dot(k, a, v)] }
        var y = [Double](repeating: 0, count: rows)
        let blockMax = 2048
        let tail = k & 3
        var remaining = k & -4
        let last = (k & (blockMax - 1)) - tail
        var block = blockMax, offset = 0
        while block == blockMax {
            remaining -= block
            if remaining < 0 {
                if last == 0 { break }
                block = last
            }
            let quads = rows & -4
            for r in 0..<quads {
                var acc = (0.0, 0.0, 0.0, 0.0)
                var p = 0
                while p < block {
                    let b = r * k + offset + p, c = offset + p
                    acc.0 = fma(a(b), v(c), acc.0); acc.1 = fma(a(b + 1), v(c + 1), acc.1)
                    acc.2 = fma(a(b + 2), v(c + 2), acc.2); acc.3 = fma(a(b + 3), v(c + 3), acc.3)
                    p += 4
                }
                y[r] += (acc.0 + acc.2) + (acc.1 + acc.3)
            }
            var r = quads
            if rows & 2 != 0 {
                for _ in 0..<2 {
                    var lo = 0.0, hi = 0.0, p = 0, left = block
                    if left & 2 != 0 { lo += a(r * k + offset) * v(offset); hi += a(r * k + offset + 1) * v(offset + 1); p = 2; left -= 2 }
                    while left > 0 {
                        let b = r * k + offset + p, c = offset + p
                        lo += a(b) * v(c); hi += a(b + 1) * v(c + 1)
                        lo += a(b + 2) * v(c + 2); hi += a(b + 3) * v(c + 3)
                        p += 4; left -= 4
                    }
                    y[r] += lo + hi
                    r += 1
                }
            }
            if rows & 1 != 0 {
                var b0 = 0.0, b1 = 0.0, c0 = 0.0, c1 = 0.0, p = 0, left = block
                if left & 2 != 0 { b0 += a(r * k + offset) * v(offset); b1 += a(r * k + offset + 1) * v(offset + 1); p = 2; left -= 2 }
                while left > 0 {
                    let b = r * k + offset + p, c = offset + p
                    b0 += a(b) * v(c); b1 += a(b + 1) * v(c + 1)
                    c0 += a(b + 2) * v(c + 2); c1 += a(b + 3) * v(c + 3)
                    p += 4; left -= 4
                }
                y[r] += (b0 + c0) + (b1 + c1)
            }
            offset += block
        }
        guard tail > 0 else { return y }
        for r in 0..<rows {
            let b = r * k + offset
            if tail == 1 { y[r] = fma(a(b), v(offset), y[r]); continue }
            var e = fma(a(b), v(offset), a(b + 1) * v(offset + 1))
            if tail == 3 { e = fma(a(b + 2), v(offset + 2), e) }
            y[r] += e
        }
        return y
    }

    /// `v @ B` for a C-ordered float64 matrix of `k` x `n` (dgemv_n): four rows of B at a time into
    /// the output, then two and one; the last n % 4 outputs each one FMA chain.
    static func vectorMatrix(k: Int, n: Int, _ v: (Int) -> Double, _ b: (Int) -> Double) -> [Double] {
        var y = [Double](repeating: 0, count: n)
        let body = n - n % 4
        var p = 0
        while p + 4 <= k {
            for i in 0..<body {
                var t = fma(b(p * n + i), v(p), b((p + 1) * n + i) * v(p + 1))
                t = fma(b((p + 2) * n + i), v(p + 2), t)
                t = fma(b((p + 3) * n + i), v(p + 3), t)
                y[i] += t
            }
            p += 4
        }
        if (k - p) & 2 != 0 {
            for i in 0..<body { y[i] += b(p * n + i) * v(p); y[i] += b((p + 1) * n + i) * v(p + 1) }
            p += 2
        }
        if (k - p) & 1 != 0 {
            for i in 0..<body { y[i] += b(p * n + i) * v(p) }
        }
        for i in body..<n {
            var t = 0.0
            for q in 0..<k { t = fma(b(q * n + i), v(q), t) }
            y[i] += t
        }
        return y
    }

    /// `A @ B` of C-ordered float64 matrices: one FMA chain along k per element.
    static func matrixMatrix(m: Int, k: Int, n: Int, _ a: (Int) -> Double, _ b: (Int) -> Double) -> [Double] {
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s = fma(a(i * k + p), b(p * n + j), s) }
                out[i * n + j] = s
            }
        }
        return out
    }
}
