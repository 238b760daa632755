// LargeBuffers: memory advice for buffers of megabytes (response bodies, decompressed artifacts,
// the results of array operations). It knows nothing of HTTP, pickles or Metaflow.
//
// Large buffers filled once from end to end (a response body of megabytes, a decompressed artifact)
// ask the kernel for transparent huge pages: their first touch then costs one page fault per 2 MB
// instead of one per 4 kB. In a cold read of a 40 MB array, the 4 kB faults of the body buffers and
// of the output were a tenth of the process's time. Advice only: where the kernel gives no huge
// pages on request (THP `never`, another system), nothing changes.
#if canImport(Glibc)
import Glibc
#endif

public enum HugePages {
    /// Below this, a buffer is left as it is (it would hold at most one whole huge page).
    static let minimumBytes = 4 << 20

    /// Advises the whole 2 MB pages inside `buffer`.
    public static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard buffer.count >= minimumBytes, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
