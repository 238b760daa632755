#!/usr/bin/env python3
"""Loopback reverse proxy in front of the test S3 server (SeaweedFS, Scripts/s3), written by this
project, Python 3 standard library only. It counts what clients ask (for the request-count tables
of the S3 issue) and injects the failures a client must survive.

    s3_proxy.py --upstream http://127.0.0.1:PORT [--port N] [--port-file F] [--pid-file F]
                [--log FILE] [--faults FILE] [--latency-ms N]

Binds to 127.0.0.1 only (port 0 = a free one, written to --port-file). Requests are forwarded with
their headers unchanged, Host included, so SigV4 signatures made for the proxy's address still
verify at SeaweedFS (which checks them). Each request is appended to --log as a JSON line
{"label", "method", "path", "status", "bytes_in", "bytes_out", "ms", "fault"}; bytes_out is the
body bytes the client was actually sent. Faults come from --faults (a JSON list), from the
environment variable S3_PROXY_FAULTS (the same JSON) and from POST /_proxy/config.

Test-bed controls (paths no bucket can have), not counted and never faulted:
  GET  /_proxy/stats     (once the requests under way are counted)
                         {"total": n, "bytes_out": b, "by_method": {...}, "by_status": {...},
                          "requests": {"GET /bucket/key": n, ...}} since the last reset
  GET|POST /_proxy/reset?label=NAME   zero the counts; later log lines carry NAME
  GET  /_proxy/config    the current latency and faults
  POST /_proxy/config    {"latency_ms": N, "faults": [FAULT, ...]} (each key optional; `faults` replaces)
FAULT = {"kind": K, "count": N (absent: every matching request), "prefix": "/bucket/key-prefix"
         (default: all), "method": "GET" (default: all), "after_bytes": K (kind cut), "ms": M (kind latency)}
  slowdown      503 SlowDown (what S3 answers when throttling)
  nosuchkey     404 NoSuchKey, as if the key did not exist
  accessdenied  403 AccessDenied
  signature     403 SignatureDoesNotMatch
  cut           forward the answer with its full Content-Length, but close the connection after
                K bytes of the body (a download cut in the middle)
  latency       wait M ms, then go on (adds to --latency-ms; other faults may still apply)
The first matching fault of another kind than latency applies; each spends one of its count.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

FAULT_KINDS = ("slowdown", "nosuchkey", "accessdenied", "signature", "cut", "latency")
ERRORS = {  # kind: (status, S3 error code, message)
    "slowdown": (503, "SlowDown", "Please reduce your request rate."),
    "nosuchkey": (404, "NoSuchKey", "The specified key does not exist."),
    "accessdenied": (403, "AccessDenied", "Access Denied"),
    "signature": (403, "SignatureDoesNotMatch",
                  "The request signature we calculated does not match the signature you provided."),
}
# Not forwarded as they came: they describe one connection, not the request.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
              "upgrade", "expect"}
CHUNK = 256 * 1024


def check_fault(fault):
    if not isinstance(fault, dict) or fault.get("kind") not in FAULT_KINDS:
        raise ValueError("each fault needs a kind among %s: %r" % (", ".join(FAULT_KINDS), fault))
    count = fault.get("count")
    if count is not None and (not isinstance(count, int) or count < 1):
        raise ValueError("count must be an integer >= 1: %r" % (fault,))
    if fault["kind"] == "cut" and not (isinstance(fault.get("after_bytes"), int) and fault["after_bytes"] >= 0):
        raise ValueError("a cut needs after_bytes >= 0: %r" % (fault,))
    if fault["kind"] == "latency" and not (isinstance(fault.get("ms"), (int, float)) and fault["ms"] >= 0):
        raise ValueError("a latency fault needs ms >= 0: %r" % (fault,))
    return dict(fault)


class Controls:
    """Counts, the request log, latency and faults, shared by all handler threads."""

    def __init__(self, latency_ms, faults, log_path):
        self.lock = threading.Lock()
        self.settled = threading.Condition(self.lock)
        self.in_flight = 0
        self.latency_ms = latency_ms
        self.faults = [check_fault(f) for f in faults]
        self.log = open(log_path, "a", encoding="utf-8") if log_path else None
        self.label = ""
        self.reset()

    def reset(self, label=None):
        with self.lock:
            self.counts = Counter()
            self.by_status = Counter()
            self.bytes_out = 0
            self.bytes_in = 0
            if label is not None:
                self.label = label

    def begin(self):
        with self.lock:
            self.in_flight += 1

    def record(self, method, path, status, bytes_in, bytes_out, seconds, fault):
        with self.lock:
            self.in_flight -= 1
            self.settled.notify_all()
            self.counts["%s %s" % (method, path)] += 1
            self.by_status[str(status)] += 1
            self.bytes_out += bytes_out
            self.bytes_in += bytes_in
            if self.log:
                self.log.write(json.dumps({
                    "label": self.label, "method": method, "path": path, "status": status, "bytes_in": bytes_in,
                    "bytes_out": bytes_out, "ms": round(seconds * 1000, 2), "fault": fault}) + "\n")
                self.log.flush()

    def stats(self):
        with self.lock:
            # A client has its answer a moment before the proxy has counted it: wait for the
            # requests under way (a while at most, in case another client is still busy).
            self.settled.wait_for(lambda: self.in_flight == 0, timeout=2)
            by_method = Counter()
            for key, n in self.counts.items():
                by_method[key.split(" ", 1)[0]] += n
            return {"total": sum(self.counts.values()), "bytes_out": self.bytes_out, "bytes_in": self.bytes_in,
                    "by_method": dict(by_method), "by_status": dict(self.by_status), "requests": dict(self.counts),
                    "label": self.label}

    def configure(self, body):
        latency = body.get("latency_ms")
        if latency is not None and (not isinstance(latency, (int, float)) or latency < 0):
            raise ValueError("latency_ms must be a number >= 0")
        faults = body.get("faults")
        checked = None if faults is None else [check_fault(f) for f in faults]
        with self.lock:
            if latency is not None:
                self.latency_ms = latency
            if checked is not None:
                self.faults = checked
            return self.config_locked()

    def config_locked(self):
        return {"latency_ms": self.latency_ms, "faults": [dict(f) for f in self.faults]}

    def config(self):
        with self.lock:
            return self.config_locked()

    def plan(self, method, path):
        """(milliseconds to wait, the fault to apply or None) for one request; spends counts."""
        delay, chosen = self.latency_ms, None
        with self.lock:
            for fault in self.faults:
                if fault.get("method", method) != method or not path.startswith(fault.get("prefix", "")):
                    continue
                if fault.get("count") == 0 or (chosen is not None and fault["kind"] != "latency"):
                    continue
                if "count" in fault:
                    fault["count"] -= 1
                if fault["kind"] == "latency":
                    delay += fault["ms"]
                else:
                    chosen = dict(fault)
        return delay, chosen


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream_connection = None

    def log_message(self, fmt, *args):  # the request log is the JSON lines file
        pass

    def setup(self):
        super().setup()
        # An answer's head and body are separate writes: with Nagle's algorithm the body would wait
        # for the client's delayed ACK (~40 ms a request), a delay no real S3 adds.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_any(self):
        started = time.perf_counter()
        controls = self.server.controls
        body, raw_body = self.read_body()
        if self.path.startswith("/_proxy/"):
            self.control(urlsplit(self.path), body)
            return
        controls.begin()
        self.answered, self.sent, kind = None, 0, None
        try:
            delay, fault = controls.plan(self.command, self.path)
            if delay:
                time.sleep(delay / 1000.0)
            kind = fault["kind"] if fault else None
            if kind in ERRORS:
                self.s3_error(*ERRORS[kind])
            else:
                self.forward(raw_body, fault["after_bytes"] if kind == "cut" else None)
        finally:  # also when the client hung up in the middle of a body: what it was sent till then
            controls.record(self.command, self.path, self.answered, len(body), self.sent,
                            time.perf_counter() - started, kind)

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = do_any

    def read_body(self):
        """(the body, the bytes to send upstream): raw chunked framing is kept as it came."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raw, body = bytearray(), bytearray()
            while True:
                line = self.rfile.readline()
                raw += line
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while True:  # trailers up to the empty line
                        trailer = self.rfile.readline()
                        raw += trailer
                        if trailer in (b"\r\n", b"\n", b""):
                            return bytes(body), bytes(raw)
                chunk = self.rfile.read(size)
                body += chunk
                raw += chunk + self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        return body, body

    def control(self, url, body):
        controls = self.server.controls
        try:
            if url.path == "/_proxy/stats" and self.command == "GET":
                answer = controls.stats()
            elif url.path == "/_proxy/reset" and self.command in ("GET", "POST"):
                controls.reset(parse_qs(url.query).get("label", [None])[0])
                answer = controls.stats()
            elif url.path == "/_proxy/config" and self.command == "GET":
                answer = controls.config()
            elif url.path == "/_proxy/config" and self.command == "POST":
                answer = controls.configure(json.loads(body or b"{}"))
            else:
                self.reply(404, b'{"error": "no such control"}', "application/json")
                return
        except ValueError as error:
            self.reply(400, json.dumps({"error": str(error)}).encode(), "application/json")
            return
        self.reply(200, json.dumps(answer).encode(), "application/json")

    def reply(self, status, data, content_type, extra=()):
        self.answered = status
        self.send_response_only(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
            self.sent = len(data)

    def s3_error(self, status, code, message):
        request_id = uuid.uuid4().hex[:16].upper()
        resource = urlsplit(self.path).path
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code><Message>%s</Message>'
               '<Resource>%s</Resource><RequestId>%s</RequestId></Error>' % (code, message, resource, request_id))
        self.reply(status, xml.encode(), "application/xml", [("x-amz-request-id", request_id)])

    def upstream(self, fresh=False):
        if fresh or self.upstream_connection is None:
            if self.upstream_connection is not None:
                self.upstream_connection.close()
            host, port = self.server.upstream
            self.upstream_connection = http.client.HTTPConnection(host, port, timeout=120)
        if self.upstream_connection.sock is None:  # new, or closed after a `Connection: close` answer
            self.upstream_connection.connect()
            self.upstream_connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as in setup
        return self.upstream_connection

    def send_upstream(self, raw_body):
        """The upstream response; a kept-alive connection the server had closed is opened anew once."""
        for attempt in (0, 1):
            connection = self.upstream(fresh=attempt == 1)
            try:
                connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                chunked = False
                for name, value in self.headers.items():
                    if name.lower() == "transfer-encoding" and "chunked" in value.lower():
                        chunked = True
                    if name.lower() not in HOP_BY_HOP or (chunked and name.lower() == "transfer-encoding"):
                        connection.putheader(name, value)
                connection.endheaders()
                if raw_body:
                    connection.send(raw_body)
                return connection.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if attempt == 1:
                    raise

    def forward(self, raw_body, cut_after):
        """Forward the request; stream the answer back, counting in self.answered and self.sent."""
        try:
            response = self.send_upstream(raw_body)
        except OSError as error:
            self.close_connection = True
            self.reply(502, ("upstream: %s" % error).encode(), "text/plain")
            return
        length = response.getheader("Content-Length")
        self.answered = response.status
        self.send_response_only(response.status, response.reason)
        upstream_chunked = length is None and self.command != "HEAD" and response.status not in (204, 304)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        if upstream_chunked:
            self.send_header("Transfer-Encoding", "chunked")
        if response.will_close:
            self.close_connection = True
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            response.read()
            return
        while cut_after is None or self.sent < cut_after:
            data = response.read(CHUNK if cut_after is None else min(CHUNK, cut_after - self.sent))
            if not data:
                break
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if upstream_chunked else data)
            self.sent += len(data)
        if cut_after is not None and self.sent == cut_after and (length is None or self.sent < int(length)):
            # The cut: drop both connections; the client sees its body end early.
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            self.upstream(fresh=True)
        elif upstream_chunked:
            self.wfile.write(b"0\r\n\r\n")


class ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver listens with a backlog of 5: a client opening 16 connections at once (mfsh's
    # scans) had the SYNs beyond it dropped and sent again by the kernel a second later.
    request_queue_size = 128


def main():
    parser = argparse.ArgumentParser(description="counting, fault-injecting proxy in front of a loopback S3 server")
    parser.add_argument("--upstream", required=True, help="http://127.0.0.1:PORT of the S3 server")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--port-file")
    parser.add_argument("--pid-file")
    parser.add_argument("--log", help="append one JSON line per request")
    parser.add_argument("--faults", help="a JSON file with a list of faults")
    parser.add_argument("--latency-ms", type=float, default=0, help="delay before every request")
    args = parser.parse_args()
    upstream = urlsplit(args.upstream)
    if upstream.scheme != "http" or upstream.hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("--upstream must be http:// on loopback")
    faults = []
    if args.faults:
        with open(args.faults, encoding="utf-8") as f:
            faults += json.load(f)
    if os.environ.get("S3_PROXY_FAULTS"):
        faults += json.loads(os.environ["S3_PROXY_FAULTS"])
    server = ProxyServer(("127.0.0.1", args.port), Handler)
    server.upstream = (upstream.hostname, upstream.port or 80)
    server.controls = Controls(args.latency_ms, faults, args.log)
    port = server.server_address[1]
    for path, value in ((args.pid_file, os.getpid()), (args.port_file, port)):
        if path:
            with open(path + ".tmp", "w") as f:
                f.write("%d\n" % value)
            os.replace(path + ".tmp", path)  # whole or absent: readers poll for it
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print("s3_proxy: http://127.0.0.1:%d -> %s" % (port, args.upstream), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    server.server_close()


if __name__ == "__main__":
    sys.exit(main())
