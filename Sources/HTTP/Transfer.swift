// One request on a libcurl easy handle: options set from an HTTPRequest, the answer collected by
// C callbacks into a Swift object, the outcome read back as an HTTPResponse or an HTTPError.
import CCurl
import LargeBuffers

/// The answer as it arrives. A class so the C callbacks can reach it through their user pointer.
final class Transfer {
    let request: HTTPRequest
    let handle: UnsafeMutableRawPointer
    private let curl: Curl
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The request body, where libcurl reads it (CURLOPT_POSTFIELDS does not copy).
    private let requestBody: UnsafeMutableRawBufferPointer
    /// libcurl's own wording of the last error (CURLOPT_ERRORBUFFER), written by libcurl.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    var overflowed = false

    init(_ request: HTTPRequest, handle: UnsafeMutableRawPointer, curl: Curl, proxy: String?, caBundle: String?) throws(HTTPError) {
        self.request = request; self.handle = handle; self.curl = curl
        let bodyBytes = request.body ?? []
        requestBody = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bodyBytes.count), alignment: 1)
        requestBody.copyBytes(from: bodyBytes)
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(proxy: proxy, caBundle: caBundle)
    }

    deinit {
        curl.slistFreeAll(headerList)
        requestBody.deallocate()
        errorBuffer.deallocate()
    }

    private func configure(proxy: String?, caBundle: String?) throws(HTTPError) {
        let h = handle
        var failed: CURLcode = CURLE_OK
        func check(_ code: CURLcode) { if code != CURLE_OK && failed == CURLE_OK { failed = code } }
        // Strings are copied by libcurl (CURLOPT_URL and friends since 7.17).
        request.url.withCString { check(curl.set(h, CURLOPT_URL, pointer: $0)) }
        check(curl.set(h, CURLOPT_NOSIGNAL, 1))  // timeouts without SIGALRM: the shell owns its signals
        check(curl.set(h, CURLOPT_FOLLOWLOCATION, 0))
        check(curl.set(h, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeout * 1000)))
        if let total = request.totalTimeout { check(curl.set(h, CURLOPT_TIMEOUT_MS, Int(total * 1000))) }
        // A stalled transfer: under 1 byte/s for stallTimeout seconds.
        check(curl.set(h, CURLOPT_LOW_SPEED_LIMIT, 1))
        check(curl.set(h, CURLOPT_LOW_SPEED_TIME, max(1, Int(request.stallTimeout.rounded(.up)))))
        check(curl.set(h, CURLOPT_TCP_KEEPALIVE, 1))
        if request.decodeContent { check(curl.set(h, CURLOPT_ACCEPT_ENCODING, pointer: "")) }  // whatever libcurl can decode
        // Proxies are chosen by Proxy.swift (requests' rules); libcurl must not apply its own.
        (proxy ?? "").withCString { check(curl.set(h, CURLOPT_PROXY, pointer: $0)) }
        // Certificates are verified (peer and host name) unless the user's configuration says not to.
        check(curl.set(h, CURLOPT_SSL_VERIFYPEER, request.verifyCertificate ? 1 : 0))
        check(curl.set(h, CURLOPT_SSL_VERIFYHOST, request.verifyCertificate ? 2 : 0))
        if let caBundle { caBundle.withCString { check(curl.set(h, CURLOPT_CAINFO, pointer: $0)) } }
        check(curl.set(h, CURLOPT_ERRORBUFFER, pointer: UnsafeRawPointer(errorBuffer)))
        for (name, value) in request.headers {
            // By bytes: "\r\n" is a single Character, which Character comparisons would let through.
            let breaks: (UInt8) -> Bool = { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 }
            guard !name.utf8.contains(where: { breaks($0) || $0 == UInt8(ascii: ":") }), !value.utf8.contains(where: breaks) else {
                throw HTTPError(.other, url: request.url, detail: "header \(name) holds a line break")
            }
            headerList = curl.slistAppend(headerList, "\(name): \(value)")
        }
        // No `Expect: 100-continue` round trip for bodies.
        headerList = curl.slistAppend(headerList, "Expect:")
        check(curl.set(h, CURLOPT_HTTPHEADER, pointer: UnsafeRawPointer(headerList)))
        switch request.method {
        case "GET": check(curl.set(h, CURLOPT_HTTPGET, 1))
        case "HEAD": check(curl.set(h, CURLOPT_NOBODY, 1))
        default:
            request.method.withCString { check(curl.set(h, CURLOPT_CUSTOMREQUEST, pointer: $0)) }
        }
        if let body = request.body {
            check(mfsh_curl_setopt_offset(curl.setopt, h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            check(curl.set(h, CURLOPT_POSTFIELDS, pointer: UnsafeRawPointer(requestBody.baseAddress)))
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        check(mfsh_curl_setopt_write(curl.setopt, h, CURLOPT_WRITEFUNCTION, transferWrite))
        check(curl.set(h, CURLOPT_WRITEDATA, pointer: me))
        check(mfsh_curl_setopt_write(curl.setopt, h, CURLOPT_HEADERFUNCTION, transferHeader))
        check(curl.set(h, CURLOPT_HEADERDATA, pointer: me))
        if failed != CURLE_OK {
            throw HTTPError(.unavailable, url: request.url, detail: "libcurl refused an option: \(curl.errorText(failed))")
        }
    }

    /// The outcome once libcurl reports the transfer done with `code`.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, HTTPError> {
        if overflowed {
            return .failure(HTTPError(.tooLarge, url: request.url, detail: "over \(request.maxBodyBytes) bytes"))
        }
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer).isEmpty ? curl.errorText(code) : String(cString: errorBuffer)
            return .failure(HTTPError(Self.kind(of: code), url: request.url, detail: detail))
        }
        var status = 0
        _ = mfsh_curl_getinfo_long(curl.getinfo, handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    /// Without surrounding spaces, tabs and line ends (scalar by scalar: "\r\n" is one Character).
    static func trimmed(_ s: Substring) -> String {
        var scalars = s.unicodeScalars[...]
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        while let f = scalars.first, blank(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, blank(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    static func kind(of code: CURLcode) -> HTTPError.Kind {
        switch code {
        case CURLE_COULDNT_CONNECT: return .refused
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .dns
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .truncated
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            return .tls
        default: return .other
        }
    }

    fileprivate func received(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= request.maxBodyBytes else { overflowed = true; return false }
        if body.isEmpty, !request.decodeContent, let length = header("Content-Length").flatMap({ Int($0) }),
           length > bytes.count, length <= request.maxBodyBytes {
            // The body arrives as stored and its length is announced: one buffer, no regrowth.
            body = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                let whole = UnsafeMutableRawBufferPointer(buffer)
                HugePages.advise(whole)
                whole.copyMemory(from: bytes)
                count = bytes.count
            }
            return true
        }
        body.append(contentsOf: bytes)
        return true
    }

    private func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.last { $0.name.lowercased() == wanted }?.value
    }

    fileprivate func receivedHeader(_ line: String) {
        // A new status line starts a new response (after a 100 Continue or a proxy's CONNECT).
        if line.hasPrefix("HTTP/") { headers = []; return }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        headers.append((name, Self.trimmed(line[line.index(after: colon)...])))
    }
}

private func transferWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                           _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let n = size * count
    guard let data else { return n }
    // Returning less than n makes libcurl stop with CURLE_WRITE_ERROR.
    return transfer.received(UnsafeRawBufferPointer(start: data, count: n)) ? n : 0
}

private func transferHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                            _ user: UnsafeMutableRawPointer?) -> Int {
    guard let user else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let n = size * count
    guard let data else { return n }
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
    transfer.receivedHeader(line)
    return n
}

