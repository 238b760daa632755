import Foundation
import Testing
@testable import HTTP

/// A loopback HTTP server (CPython's http.server) with paths that misbehave on purpose.
final class LoopbackServer {
    let process = Process()
    let port: Int

    static let source = #"""
import http.server, socketserver, sys, time, threading
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, code, body, headers=()):
        self.send_response(code)
        for k, v in headers: self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p == "/hello": self.send(200, b"hi there", [("X-Version", "2.5.1"), ("METADATA_SERVICE_VERSION", "2.5.1")])
        elif p == "/missing": self.send(404, b"{}")
        elif p.startswith("/n/"): self.send(200, p[3:].encode())
        elif p == "/slow": time.sleep(5); self.send(200, b"late")
        elif p == "/short":
            self.send_response(200); self.send_header("Content-Length", "100"); self.end_headers()
            self.wfile.write(b"only this"); self.wfile.flush(); self.close_connection = True
        elif p == "/headers":
            self.send(200, "\n".join(f"{k}={v}" for k, v in self.headers.items()).encode())
        elif p == "/big": self.send(200, b"x" * 100000)
        else: self.send(400, b"?")
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        self.send(201, self.rfile.read(n)[::-1])
    do_PATCH = do_POST
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
s = S(("127.0.0.1", 0), H)
with open(sys.argv[1] + ".tmp", "w") as f: f.write(str(s.server_address[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
s.serve_forever()
"""#

    init() throws {
        // The port comes through a file: reading a pipe from Foundation's Process hung under the test runner.
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("mfsh-http-test-\(UUID().uuidString)").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.source, portFile]
        try process.run()
        var found: Int?
        for _ in 0..<1200 {  // 30 s: a loaded CI machine starts python3 slowly
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let p = Int(text) { found = p; break }
            usleep(25_000)
        }
        try? FileManager.default.removeItem(atPath: portFile)
        guard let found else {
            process.terminate()
            throw ServerFailed(reason: "python3 http.server did not start within 30 s")
        }
        port = found
    }

    deinit { kill(process.processIdentifier, SIGKILL) }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}

struct ServerFailed: Error { let reason: String }

@Suite(.serialized) struct HTTPClientTests {
    @Test func getBodyStatusAndHeaders() throws {
        let server = try LoopbackServer()
        let client = HTTPClient(environment: [:])
        let r = try client.send(HTTPRequest(url: server.url("/hello")))
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "hi there")
        #expect(r.header("metadata_service_version") == "2.5.1")
        let missing = try client.send(HTTPRequest(url: server.url("/missing")))
        #expect(missing.status == 404 && missing.body == Array("{}".utf8))
    }

    @Test func headersAndBodiesAreSent() throws {
        let server = try LoopbackServer()
        let client = HTTPClient(environment: [:])
        let r = try client.send(HTTPRequest(url: server.url("/headers"), headers: [("x-api-key", "k1"), ("X-Extra", "1")]))
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.contains("x-api-key=k1") && text.contains("X-Extra=1"))
        let posted = try client.send(HTTPRequest(method: "PATCH", url: server.url("/p"), body: Array("abc".utf8)))
        #expect(posted.status == 201 && posted.body == Array("cba".utf8))
        #expect(throws: HTTPError.self) {
            try client.send(HTTPRequest(url: server.url("/headers"), headers: [("X", "a\r\nInjected: 1")]))
        }
    }

    @Test func manyInParallelKeepTheirOrder() throws {
        let server = try LoopbackServer()
        let client = HTTPClient(environment: [:])
        let requests = (0..<50).map { HTTPRequest(url: server.url("/n/\($0)")) }
        let results = client.sendAll(requests, parallel: 8)
        let bodies = try results.map { String(decoding: try $0.get().body, as: UTF8.self) }
        #expect(bodies == (0..<50).map(String.init))
        #expect(client.requestsSent == 50)
    }

    @Test func failuresAreNamed() throws {
        let server = try LoopbackServer()
        let client = HTTPClient(environment: [:])
        func kind(_ request: HTTPRequest) -> HTTPError.Kind? {
            do { _ = try client.send(request); return nil } catch { return error.kind }
        }
        #expect(kind(HTTPRequest(url: "http://127.0.0.1:1/x")) == .refused)
        #expect(kind(HTTPRequest(url: "http://no-such-host.invalid/x")) == .dns)
        #expect(kind(HTTPRequest(url: server.url("/slow"), totalTimeout: 0.5)) == .timeout)
        #expect(kind(HTTPRequest(url: server.url("/short"))) == .truncated)
        #expect(kind(HTTPRequest(url: server.url("/big"), maxBodyBytes: 1000)) == .tooLarge)
        // The connection pool survives failed transfers.
        #expect(try client.send(HTTPRequest(url: server.url("/hello"))).status == 200)
    }

    @Test func interruptAbandonsTheBatch() throws {
        let server = try LoopbackServer()
        let client = HTTPClient(environment: [:])
        client.isInterrupted = { true }
        let results = client.sendAll([HTTPRequest(url: server.url("/slow")), HTTPRequest(url: server.url("/slow"))], parallel: 1)
        for r in results {
            guard case .failure(let e) = r else { Issue.record("answered"); continue }
            #expect(e.kind == .interrupted)
        }
    }

    @Test func errorsNeverShowCredentials() {
        let e = HTTPError(.refused, url: "https://user:s3cret@host.example:8080/api?x=1", detail: "")
        #expect(!e.description.contains("s3cret") && e.description.contains("https://host.example:8080/api?x=1"))
    }

    @Test func proxiesFollowRequestsRules() {
        let env = ["HTTPS_PROXY": "http://proxy:3128", "http_proxy": "http://low:1", "HTTP_PROXY": "http://up:2",
                   "NO_PROXY": "internal.example,.corp,10.0.0.0/8,127.0.0.1"]
        #expect(Proxy.forURL("https://api.example.com/x", environment: env) == "http://proxy:3128")
        #expect(Proxy.forURL("http://api.example.com/x", environment: env) == "http://low:1")
        #expect(Proxy.forURL("https://svc.internal.example/x", environment: env) == nil)
        #expect(Proxy.forURL("https://a.b.corp:8443/x", environment: env) == nil)
        #expect(Proxy.forURL("http://10.2.3.4:8080/", environment: env) == nil)
        #expect(Proxy.forURL("http://127.0.0.1:8080/", environment: env) == nil)
        #expect(Proxy.forURL("http://11.2.3.4/", environment: env) == "http://low:1")
        #expect(Proxy.forURL("https://x/", environment: ["ALL_PROXY": "socks5://s:1"]) == "socks5://s:1")
        #expect(Proxy.forURL("https://x/", environment: ["HTTPS_PROXY": "http://p:1", "no_proxy": "*"]) == nil)
    }
}

/// HTTPS against a loopback server with a certificate made for the test: refused with the system's
/// CAs (a TLS error that says so), accepted when REQUESTS_CA_BUNDLE names it, as with Python's requests.
@Suite(.serialized) struct HTTPSTests {
    @Test func certificatesAreVerified() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mfsh-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { Issue.record("openssl could not make a certificate"); return }
        let source = """
        import http.server, ssl, sys, os
        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def do_GET(self):
                self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok")
        s = http.server.HTTPServer(("127.0.0.1", 0), H)
        c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); c.load_cert_chain(sys.argv[1] + "/cert.pem", sys.argv[1] + "/key.pem")
        s.socket = c.wrap_socket(s.socket, server_side=True)
        open(sys.argv[1] + "/port.tmp", "w").write(str(s.server_address[1])); os.rename(sys.argv[1] + "/port.tmp", sys.argv[1] + "/port")
        s.serve_forever()
        """
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", source, dir]
        try server.run()
        defer { kill(server.processIdentifier, SIGKILL) }
        var port: Int?
        for _ in 0..<1200 {  // 30 s: a loaded CI machine starts python3 slowly
            if let t = try? String(contentsOfFile: dir + "/port", encoding: .utf8), let p = Int(t) { port = p; break }
            usleep(25_000)
        }
        guard let port else { Issue.record("the TLS server did not start"); return }
        let url = "https://127.0.0.1:\(port)/"
        do {
            _ = try HTTPClient(environment: [:]).send(HTTPRequest(url: url))
            Issue.record("a certificate no CA signed was accepted")
        } catch {
            #expect(error.kind == .tls)
            #expect(error.description.contains(url))
        }
        let trusted = HTTPClient(environment: ["REQUESTS_CA_BUNDLE": dir + "/cert.pem"])
        let r = try trusted.send(HTTPRequest(url: url))
        #expect(r.status == 200 && r.body == Array("ok".utf8))
    }
}
