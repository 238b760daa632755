"""The loopback S3 server (Scripts/s3) and the counting proxy (s3_proxy.py) for Python tests.

    with SeaweedFS() as s3, S3Proxy(s3.endpoint) as proxy:
        client = boto3.client("s3", endpoint_url=proxy.url, **s3.credentials)

SeaweedFS() uses the server already running in the folder named by S3_TEST_DIR (Scripts/test starts
one per test run) and leaves it running; without one it starts its own in a temporary folder and
stops it at the end.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

from standin_process import HERE, LoopbackServer

TOP = os.path.dirname(os.path.dirname(HERE))
S3_SCRIPT = os.path.join(TOP, "Scripts", "s3")


def read_env(folder):
    """The variables of FOLDER/env (`export NAME=VALUE` lines written by Scripts/s3)."""
    env = {}
    with open(os.path.join(folder, "env"), encoding="utf-8") as f:
        for line in f:
            name, _, value = line.strip().removeprefix("export ").partition("=")
            if name:
                env[name] = value
    return env


class SeaweedFS:
    def __init__(self, folder=None):
        self.folder = folder if folder is not None else os.environ.get("S3_TEST_DIR")
        self.owned = False

    def __enter__(self):
        running = self.folder and subprocess.run([S3_SCRIPT, "status", self.folder], capture_output=True).returncode == 0
        if not running:
            self.folder = tempfile.mkdtemp(prefix="seaweedfs-")
            self.owned = True
            started = subprocess.run([S3_SCRIPT, "start", self.folder], capture_output=True, text=True)
            if started.returncode != 0:
                raise RuntimeError("Scripts/s3 start failed: " + started.stderr)
        self.env = read_env(self.folder)
        return self

    def __exit__(self, *exc):
        if self.owned:
            subprocess.run([S3_SCRIPT, "stop", self.folder], capture_output=True)
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def endpoint(self):
        return self.env["METAFLOW_S3_ENDPOINT_URL"]

    @property
    def bucket(self):
        return self.env["METAFLOW_DATASTORE_SYSROOT_S3"][len("s3://"):].split("/", 1)[0]

    @property
    def secret(self):
        return self.env["AWS_SECRET_ACCESS_KEY"]

    @property
    def credentials(self):
        """Keyword arguments of boto3.client for the test identity."""
        return {"aws_access_key_id": self.env["AWS_ACCESS_KEY_ID"],
                "aws_secret_access_key": self.env["AWS_SECRET_ACCESS_KEY"],
                "region_name": self.env["AWS_DEFAULT_REGION"]}


class S3Proxy(LoopbackServer):
    def __init__(self, upstream, *options, env=None):
        self.log_dir = tempfile.mkdtemp(prefix="s3proxy-log-")
        self.log_path = os.path.join(self.log_dir, "requests.jsonl")
        super().__init__([sys.executable, os.path.join(HERE, "s3_proxy.py"), "--upstream", upstream,
                          "--log", self.log_path] + list(options), env=dict(os.environ, **(env or {})))

    def __exit__(self, *exc):
        super().__exit__(*exc)
        shutil.rmtree(self.log_dir, ignore_errors=True)

    def control(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        with urllib.request.urlopen(urllib.request.Request(self.url + path, data=data), timeout=10) as answer:
            return json.load(answer)

    def stats(self):
        return self.control("/_proxy/stats")

    def reset(self, label=None):
        return self.control("/_proxy/reset" + ("?label=" + urllib.parse.quote(label) if label else ""))

    def configure(self, **config):
        return self.control("/_proxy/config", config)

    def log_lines(self):
        self.stats()  # waits until the requests under way are logged
        with open(self.log_path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]
