"""Start the stand-in as a child process for a Python test, and talk to it with urllib.

    with StandIn(db_path, "--paginate") as service:
        status, headers, body = service.request("GET", "/flows")
"""
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class LoopbackServer:
    """A server script run as a child process that writes its port to --port-file when it listens;
    stopped with SIGTERM (then SIGKILL) when the `with` block ends."""

    def __init__(self, command, env=None):
        self.command = list(command)
        self.env = env
        self.process = None
        self.port = None
        self.files = tempfile.mkdtemp(prefix="%s-" % os.path.splitext(os.path.basename(command[1]))[0])

    def __enter__(self):
        port_file = os.path.join(self.files, "port")
        self.log = open(os.path.join(self.files, "log"), "w")
        self.process = subprocess.Popen(self.command + ["--port-file", port_file], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.process.poll() is not None:
                with open(self.log.name) as log:
                    raise RuntimeError("%s exited: %s" % (self.command[1], log.read()))
            if os.path.exists(port_file):
                with open(port_file) as f:
                    self.port = int(f.read())
                return self
            time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("%s did not start within 10 s" % self.command[1])

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.files, ignore_errors=True)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port


class StandIn(LoopbackServer):
    def __init__(self, db_path, *options):
        self.db_path = db_path
        self.options = list(options)
        super().__init__([sys.executable, os.path.join(HERE, "standin.py"), "--db", db_path] + self.options)

    def request(self, method, path, body=None, timeout=10):
        """(status, headers as a dict with lower-case names, body bytes) of one request on a new
        connection."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = body if body is None or isinstance(body, (bytes, str)) else json.dumps(body)
            conn.request(method, path, body=data)
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def json(self, method, path, body=None):
        status, _, data = self.request(method, path, body)
        return status, json.loads(data)

    def configure(self, **config):
        status, answer = self.json("POST", "/_standin/config", config)
        if status != 200:
            raise RuntimeError("config refused: %r" % (answer,))
        return answer
