// libcurl, opened with dlopen the first time a request is made.
import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// The libcurl functions mfsh uses. Linking libcurl would load it and its TLS, HTTP/2, IDN and
/// compression libraries into every process, local-only ones included; `CCurl` gives the types,
/// constants and variadic-call trampolines, and the functions come from here.
struct Curl: @unchecked Sendable {  // immutable C function pointers
    let easyInit: @convention(c) () -> UnsafeMutableRawPointer?
    let easyCleanup: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let easyReset: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let easyStrerror: @convention(c) (CURLcode) -> UnsafePointer<CChar>?
    let setopt: UnsafeMutableRawPointer
    let getinfo: UnsafeMutableRawPointer
    let slistAppend: @convention(c) (UnsafeMutablePointer<curl_slist>?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<curl_slist>?
    let slistFreeAll: @convention(c) (UnsafeMutablePointer<curl_slist>?) -> Void
    let multiInit: @convention(c) () -> UnsafeMutableRawPointer?
    let multiCleanup: @convention(c) (UnsafeMutableRawPointer?) -> CURLMcode
    let multiAdd: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> CURLMcode
    let multiRemove: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> CURLMcode
    let multiPerform: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> CURLMcode
    let multiPoll: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<curl_waitfd>?, UInt32, Int32,
                                   UnsafeMutablePointer<Int32>?) -> CURLMcode
    let multiInfoRead: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> UnsafeMutablePointer<CURLMsg>?
    let multiSetopt: UnsafeMutableRawPointer
    let multiStrerror: @convention(c) (CURLMcode) -> UnsafePointer<CChar>?

    /// Debian's sonames (libcurl4 with OpenSSL; the GnuTLS build as a fallback), then the unversioned name.
    static let sonames = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"]

    private static let loaded: Result<Curl, HTTPError> = load(sonames)

    /// The library, or why it could not be loaded (named in the error, never a crash).
    static func get(for url: String) throws(HTTPError) -> Curl {
        switch loaded {
        case .success(let curl): return curl
        case .failure(let e): throw HTTPError(.unavailable, url: url, detail: e.detail)
        }
    }

    static func load(_ names: [String]) -> Result<Curl, HTTPError> {
        var handle: UnsafeMutableRawPointer?
        var why = ""
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            if why.isEmpty, let e = dlerror() { why = String(cString: e) }
        }
        guard let handle else {
            return .failure(HTTPError(.unavailable, url: "",
                detail: "libcurl is not installed (\(why)); on Debian: apt-get install libcurl4"))
        }
        var missing: [String] = []
        func symbol<F>(_ name: String, _: F.Type = F.self) -> F? {
            guard let p = dlsym(handle, name) else { missing.append(name); return nil }
            return unsafeBitCast(p, to: F.self)
        }
        func raw(_ name: String) -> UnsafeMutableRawPointer? {
            guard let p = dlsym(handle, name) else { missing.append(name); return nil }
            return p
        }
        let globalInit = symbol("curl_global_init", (@convention(c) (Int) -> CURLcode).self)
        let easyInit = symbol("curl_easy_init", (@convention(c) () -> UnsafeMutableRawPointer?).self)
        let easyCleanup = symbol("curl_easy_cleanup", (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)
        let easyReset = symbol("curl_easy_reset", (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)
        let easyStrerror = symbol("curl_easy_strerror", (@convention(c) (CURLcode) -> UnsafePointer<CChar>?).self)
        let setopt = raw("curl_easy_setopt")
        let getinfo = raw("curl_easy_getinfo")
        let slistAppend = symbol("curl_slist_append",
            (@convention(c) (UnsafeMutablePointer<curl_slist>?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<curl_slist>?).self)
        let slistFreeAll = symbol("curl_slist_free_all", (@convention(c) (UnsafeMutablePointer<curl_slist>?) -> Void).self)
        let multiInit = symbol("curl_multi_init", (@convention(c) () -> UnsafeMutableRawPointer?).self)
        let multiCleanup = symbol("curl_multi_cleanup", (@convention(c) (UnsafeMutableRawPointer?) -> CURLMcode).self)
        let multiAdd = symbol("curl_multi_add_handle",
            (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> CURLMcode).self)
        let multiRemove = symbol("curl_multi_remove_handle",
            (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> CURLMcode).self)
        let multiPerform = symbol("curl_multi_perform",
            (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> CURLMcode).self)
        let multiPoll = symbol("curl_multi_poll", (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<curl_waitfd>?,
            UInt32, Int32, UnsafeMutablePointer<Int32>?) -> CURLMcode).self)
        let multiInfoRead = symbol("curl_multi_info_read",
            (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> UnsafeMutablePointer<CURLMsg>?).self)
        let multiSetopt = raw("curl_multi_setopt")
        let multiStrerror = symbol("curl_multi_strerror", (@convention(c) (CURLMcode) -> UnsafePointer<CChar>?).self)
        guard let globalInit, let easyInit, let easyCleanup, let easyReset, let easyStrerror, let setopt, let getinfo,
              let slistAppend, let slistFreeAll, let multiInit, let multiCleanup, let multiAdd, let multiRemove,
              let multiPerform, let multiPoll, let multiInfoRead, let multiSetopt, let multiStrerror else {
            return .failure(HTTPError(.unavailable, url: "",
                detail: "this libcurl lacks \(missing.joined(separator: ", ")) (7.66 or newer is needed)"))
        }
        // Not thread-safe in old libcurl: done once, here, under the static's one-time initialisation.
        let status = globalInit(Int(CURL_GLOBAL_DEFAULT))
        guard status == CURLE_OK else {
            return .failure(HTTPError(.unavailable, url: "", detail: "curl_global_init failed (\(status.rawValue))"))
        }
        return .success(Curl(
            easyInit: easyInit, easyCleanup: easyCleanup, easyReset: easyReset, easyStrerror: easyStrerror,
            setopt: setopt, getinfo: getinfo, slistAppend: slistAppend, slistFreeAll: slistFreeAll,
            multiInit: multiInit, multiCleanup: multiCleanup, multiAdd: multiAdd, multiRemove: multiRemove,
            multiPerform: multiPerform, multiPoll: multiPoll, multiInfoRead: multiInfoRead, multiSetopt: multiSetopt,
            multiStrerror: multiStrerror))
    }

    func set(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, _ value: Int) -> CURLcode {
        mfsh_curl_setopt_long(setopt, handle, option, value)
    }

    func set(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, pointer: UnsafeRawPointer?) -> CURLcode {
        mfsh_curl_setopt_pointer(setopt, handle, option, pointer)
    }

    func errorText(_ code: CURLcode) -> String {
        easyStrerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
    }
}
