import CArchive
import Glibc

/// libarchive, opened with `dlopen` the first time a code package is read.
///
/// Linking it would load it and the dozen libraries it needs (ICU, libxml2, nettle, zstd, lzma...)
/// into every mfsh process: about 4 ms of a start-up that is meant to stay under 10 ms, paid for a
/// library that only `run.code` uses. `CArchive` still gives the constants and checks that the
/// headers are installed; the functions come from here.
struct LibArchive: @unchecked Sendable {  // immutable C function pointers
    let readNew: @convention(c) () -> OpaquePointer?
    let supportFilterAll: @convention(c) (OpaquePointer?) -> Int32
    let supportFormatTar: @convention(c) (OpaquePointer?) -> Int32
    let openMemory: @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int) -> Int32
    let nextHeader: @convention(c) (OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    let readData: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int) -> Int
    let errorString: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let free: @convention(c) (OpaquePointer?) -> Int32
    let entryPathname: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let entryFiletype: @convention(c) (OpaquePointer?) -> mode_t
    let entrySymlink: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let entryHardlink: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let entryPerm: @convention(c) (OpaquePointer?) -> mode_t

    /// The Debian package's soname (libarchive13); the unversioned name is tried for other systems.
    static let sonames = ["libarchive.so.13", "libarchive.so"]

    private static let loaded: Result<LibArchive, MetaflowError> = load(sonames)

    /// The library, or why it could not be loaded (named in the error, never a crash).
    static func get() throws -> LibArchive { try loaded.get() }

    static func load(_ names: [String]) -> Result<LibArchive, MetaflowError> {
        var handle: UnsafeMutableRawPointer?
        var why = ""
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            if why.isEmpty, let e = dlerror() { why = String(cString: e) }
        }
        guard let handle else {
            return .failure(.generic("MetaflowException",
                "cannot read code packages: libarchive is not installed (\(why)); on Debian: apt-get install libarchive13"))
        }
        var missing: [String] = []
        func symbol<F>(_ name: String, _: F.Type = F.self) -> F? {
            guard let p = dlsym(handle, name) else { missing.append(name); return nil }
            return unsafeBitCast(p, to: F.self)
        }
        let readNew = symbol("archive_read_new", (@convention(c) () -> OpaquePointer?).self)
        let filterAll = symbol("archive_read_support_filter_all", (@convention(c) (OpaquePointer?) -> Int32).self)
        let formatTar = symbol("archive_read_support_format_tar", (@convention(c) (OpaquePointer?) -> Int32).self)
        let openMemory = symbol("archive_read_open_memory",
                                (@convention(c) (OpaquePointer?, UnsafeRawPointer?, Int) -> Int32).self)
        let nextHeader = symbol("archive_read_next_header",
                                (@convention(c) (OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32).self)
        let readData = symbol("archive_read_data",
                              (@convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int) -> Int).self)
        let errorString = symbol("archive_error_string", (@convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?).self)
        let free = symbol("archive_read_free", (@convention(c) (OpaquePointer?) -> Int32).self)
        let pathname = symbol("archive_entry_pathname", (@convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?).self)
        let filetype = symbol("archive_entry_filetype", (@convention(c) (OpaquePointer?) -> mode_t).self)
        let symlink = symbol("archive_entry_symlink", (@convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?).self)
        let hardlink = symbol("archive_entry_hardlink", (@convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?).self)
        let perm = symbol("archive_entry_perm", (@convention(c) (OpaquePointer?) -> mode_t).self)
        guard let readNew, let filterAll, let formatTar, let openMemory, let nextHeader, let readData,
              let errorString, let free, let pathname, let filetype, let symlink, let hardlink, let perm else {
            return .failure(.generic("MetaflowException",
                "cannot read code packages: this libarchive lacks \(missing.joined(separator: ", "))"))
        }
        return .success(LibArchive(
            readNew: readNew, supportFilterAll: filterAll, supportFormatTar: formatTar, openMemory: openMemory,
            nextHeader: nextHeader, readData: readData, errorString: errorString, free: free,
            entryPathname: pathname, entryFiletype: filetype, entrySymlink: symlink, entryHardlink: hardlink,
            entryPerm: perm))
    }
}
