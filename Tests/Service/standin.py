#!/usr/bin/env python3
"""Stand-in for Metaflow's metadata service, written by this project (clean-room from
docs/metadata-service.md §3–§9, §13, §17), Python 3 standard library only.

    standin.py --db FILE [--port N] [--port-file F] [--pid-file F] [--latency-ms N] [--paginate] [--verbose]

Binds to 127.0.0.1 only (port 0 = a free one; the port is printed and written to --port-file).
The data live in the SQLite file, so they survive restarts. Behaves like the released v2.5.1
service; --paginate adds what its unreleased `main` branch has (cursor pages, `_tags` filters on
runs, the `user` field on runs, metadata newest first).

Test-bed controls, not counted and never faulted:
  GET  /_standin/stats    {"total": n, "by_method": {...}, "requests": {"GET /flows": n, ...}}
  GET|POST /_standin/reset   zero the counts
  GET  /_standin/config   the current latency and faults
  POST /_standin/config   {"latency_ms": N, "faults": [FAULT, ...]} (each key optional; `faults` replaces)
FAULT = {"kind": K, "count": N (absent: every matching request), "prefix": "/flows/X" (default: all),
         "method": "GET" (default: all), "status": 500 (kind status), "seconds": T (kind hang)}
  status    answer with that status instead (500 → the handler error body, 401/403 → a gateway's)
  malformed a 200 whose body is not JSON
  truncate  announce the full Content-Length, send half of the body, close the connection
  close     close the connection without answering
  hang      wait T seconds, then answer normally
"""
import argparse
import json
import os
import signal
import socket
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from standin_routes import SERVICE_VERSION, Reply, Router, json_reply  # noqa: E402
from standin_store import Store  # noqa: E402

FAULT_KINDS = ("status", "malformed", "truncate", "close", "hang")


class Controls:
    """Request counts, injected latency and faults, shared by all handler threads."""

    def __init__(self, latency_ms):
        self.lock = threading.Lock()
        self.latency_ms = latency_ms
        self.faults = []
        self.counts = Counter()

    def count(self, method, path):
        with self.lock:
            self.counts["%s %s" % (method, path)] += 1

    def stats(self):
        with self.lock:
            by_method = Counter()
            for key, n in self.counts.items():
                by_method[key.split(" ", 1)[0]] += n
            return {"total": sum(self.counts.values()), "by_method": dict(by_method),
                    "requests": dict(sorted(self.counts.items()))}

    def reset(self):
        with self.lock:
            self.counts.clear()

    def configure(self, body):
        if not isinstance(body, dict):
            raise ValueError("the config must be a JSON object")
        faults = body.get("faults")
        if faults is not None:
            if not isinstance(faults, list):
                raise ValueError("faults must be a list")
            for f in faults:
                if not isinstance(f, dict) or f.get("kind") not in FAULT_KINDS:
                    raise ValueError("each fault needs a kind among %s: %r" % (", ".join(FAULT_KINDS), f))
                if f["kind"] == "status" and not isinstance(f.get("status"), int):
                    raise ValueError("a status fault needs an integer status")
        latency = body.get("latency_ms")
        if latency is not None and (not isinstance(latency, (int, float)) or latency < 0):
            raise ValueError("latency_ms must be a number >= 0")
        with self.lock:
            if faults is not None:
                self.faults = [dict(f) for f in faults]
            if latency is not None:
                self.latency_ms = latency

    def config(self):
        with self.lock:
            return {"latency_ms": self.latency_ms, "faults": [dict(f) for f in self.faults]}

    def take_fault(self, method, path):
        """The first fault that matches this request, its count used up by one."""
        with self.lock:
            for f in self.faults:
                if f.get("count") is not None and f["count"] <= 0:
                    continue
                if not path.startswith(f.get("prefix", "")):
                    continue
                if f.get("method") not in (None, method):
                    continue
                if f.get("count") is not None:
                    f["count"] -= 1
                return dict(f)
            return None


class Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 so clients keep their connections, as with the real (aiohttp) service.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm on, the second waits for the
    # client's delayed ACK (40 ms on Linux), which the real service (aiohttp) does not make anyone wait.
    disable_nagle_algorithm = True
    def version_string(self):
        return "metaflow-standin"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PATCH(self):
        self.handle_any("PATCH")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def handle_any(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query, keep_blank_values=True)
        controls = self.server.controls
        if path.startswith("/_standin/"):
            self.send(self.control(method, path, body))
            return
        controls.count(method, path)
        if controls.latency_ms:
            time.sleep(controls.latency_ms / 1000.0)
        fault = controls.take_fault(method, path)
        if fault and fault["kind"] == "close":
            self.close_connection = True
            return
        if fault and fault["kind"] == "hang":
            time.sleep(float(fault.get("seconds", 30)))
        if fault and fault["kind"] == "status":
            self.send(self.fault_reply(fault["status"]))
            return
        reply = self.server.router.route(method, path, query, body)
        if fault and fault["kind"] == "malformed":
            reply = Reply(200, b'{"malformed": ' + reply.body)
        if fault and fault["kind"] == "truncate":
            self.send(reply, truncate=True)
            return
        self.send(reply)

    @staticmethod
    def fault_reply(status):
        if status in (401, 403):
            # What the gateway in front of a real service (API Gateway) answers; no version header.
            return json_reply({"message": "Unauthorized" if status == 401 else "Forbidden"}, status,
                              version_header=False)
        if status == 503:
            return Reply(503, "503: Service Unavailable", version_header=False)
        return json_reply({"detail": "injected fault", "status": status, "title": "Internal Server Error",
                           "type": "about:blank", "traceback": "injected by the stand-in"}, status)

    def control(self, method, path, body):
        controls = self.server.controls
        if path == "/_standin/stats" and method == "GET":
            return json_reply(controls.stats(), version_header=False)
        if path == "/_standin/reset" and method in ("GET", "POST"):
            controls.reset()
            return json_reply(controls.stats(), version_header=False)
        if path == "/_standin/config" and method == "GET":
            return json_reply(controls.config(), version_header=False)
        if path == "/_standin/config" and method == "POST":
            try:
                controls.configure(json.loads(body or b"{}"))
            except ValueError as e:
                return json_reply({"error": str(e)}, 400, version_header=False)
            return json_reply(controls.config(), version_header=False)
        return json_reply({"error": "unknown control %s %s" % (method, path)}, 404, version_header=False)

    def send(self, reply, truncate=False):
        self.send_response(reply.status)
        if reply.version_header:
            self.send_header("METADATA_SERVICE_VERSION", SERVICE_VERSION)
        # §4.1: the real service labels its JSON bodies text/plain; clients must decode by body.
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if truncate:
            self.wfile.write(reply.body[: len(reply.body) // 2])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.wfile.write(reply.body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 drops the SYNs of a client opening 8 connections at once,
    # which then waits 1 s to retry; the real service (aiohttp) listens with a backlog of 128.
    request_queue_size = 128
    allow_reuse_address = True


def write_atomically(path, text):
    """Waiters poll these files: they must never see half a number."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text + "\n")
    os.replace(tmp, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Stand-in Metaflow metadata service (127.0.0.1 only)")
    parser.add_argument("--db", required=True, help="SQLite file (created if absent; kept across restarts)")
    parser.add_argument("--port", type=int, default=0, help="0 (default): pick a free port")
    parser.add_argument("--port-file", help="write the port here once listening")
    parser.add_argument("--pid-file", help="write the process id here")
    parser.add_argument("--latency-ms", type=float, default=0, help="delay before every answer")
    parser.add_argument("--paginate", action="store_true", help="behave like the service's unreleased main")
    parser.add_argument("--verbose", action="store_true", help="access log on stderr")
    args = parser.parse_args(argv)

    store = Store(args.db, with_user_field=args.paginate)
    server = Server(("127.0.0.1", args.port), Handler)
    server.router = Router(store, paginate=args.paginate)
    server.controls = Controls(args.latency_ms)
    server.verbose = args.verbose
    port = server.server_address[1]

    def stop(signum, frame):
        # shutdown() waits for serve_forever to return, so it must not run on serve_forever's thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.pid_file:
        write_atomically(args.pid_file, str(os.getpid()))
    if args.port_file:
        write_atomically(args.port_file, str(port))
    print("standin: listening on http://127.0.0.1:%d (db %s)" % (port, args.db), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        store.close()
        for f in (args.pid_file, args.port_file):
            if f and os.path.exists(f):
                os.remove(f)


if __name__ == "__main__":
    main()
