#!/usr/bin/env python3
"""Self-tests of the S3 test bed: Scripts/s3 runs SeaweedFS on loopback only, checking signatures,
and keeps the data across a restart; the proxy (s3_proxy.py) in front of it lets signed requests
pass and still verify, counts and logs every request, and each injected fault is what boto3 (or
curl) then sees. Needs boto3: run with the oracle venv's python.

    .build-venv/bin/python Tests/Service/test_s3_bed.py [-v]
    S3_TEST_DIR=DIR ...   use the SeaweedFS already running in DIR (else one is started and stopped)
"""
import os
import select
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import uuid

import boto3
import botocore.exceptions
from botocore.config import Config

from s3_process import S3_SCRIPT, S3Proxy, SeaweedFS, read_env

SEAWEEDFS = None


def setUpModule():
    global SEAWEEDFS
    SEAWEEDFS = SeaweedFS().__enter__()


def tearDownModule():
    SEAWEEDFS.__exit__(None, None, None)


def listening_addresses(pid):
    """The local addresses (hex, as in /proc/net/tcp) of the TCP sockets PID listens on."""
    inodes = set()
    for fd in os.listdir("/proc/%d/fd" % pid):
        try:
            target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                    found.append(fields[1].split(":")[0])
    return found


class SeaweedFSScript(unittest.TestCase):
    """Scripts/s3 on a folder of its own."""

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="s3-script-")
        self.addCleanup(subprocess.run, ["rm", "-rf", self.folder])
        self.addCleanup(subprocess.run, [S3_SCRIPT, "stop", self.folder], capture_output=True)

    def s3(self, *args):
        return subprocess.run([S3_SCRIPT] + list(args), capture_output=True, text=True)

    def test_loopback_only_signatures_checked_data_kept_across_a_restart(self):
        started = self.s3("start", self.folder)
        self.assertEqual(started.returncode, 0, started.stderr)
        env = read_env(self.folder)
        secret = env["AWS_SECRET_ACCESS_KEY"]
        self.assertNotIn(secret, started.stdout + started.stderr)
        self.assertEqual(os.stat(os.path.join(self.folder, "env")).st_mode & 0o077, 0)
        with open(os.path.join(self.folder, "weed.pid")) as f:
            pid = int(f.read())
        addresses = listening_addresses(pid)
        self.assertGreaterEqual(len(addresses), 8)  # S3, master, volume, filer, admin and gRPC ports
        self.assertEqual(set(addresses), {"0100007F"})  # 127.0.0.1
        self.assertEqual(self.s3("start", self.folder).returncode, 1)  # one per folder

        bucket = env["METAFLOW_DATASTORE_SYSROOT_S3"][len("s3://"):].split("/")[0]
        credentials = {"aws_access_key_id": env["AWS_ACCESS_KEY_ID"], "region_name": env["AWS_DEFAULT_REGION"]}
        s3 = boto3.client("s3", endpoint_url=env["METAFLOW_S3_ENDPOINT_URL"], aws_secret_access_key=secret, **credentials)
        s3.put_object(Bucket=bucket, Key="kept", Body=b"across a restart")
        wrong = boto3.client("s3", endpoint_url=env["METAFLOW_S3_ENDPOINT_URL"], aws_secret_access_key="x" + secret,
                             **credentials)
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            wrong.get_object(Bucket=bucket, Key="kept")
        self.assertEqual(caught.exception.response["Error"]["Code"], "SignatureDoesNotMatch")

        self.assertEqual(self.s3("stop", self.folder).returncode, 0)
        self.assertFalse(os.path.exists("/proc/%d" % pid) and open("/proc/%d/stat" % pid).read().split()[2] != "Z")
        self.assertEqual(self.s3("status", self.folder).returncode, 1)
        self.assertFalse(os.path.exists(os.path.join(self.folder, "env")))

        self.assertEqual(self.s3("start", self.folder).returncode, 0)
        again = read_env(self.folder)
        self.assertEqual(again["AWS_SECRET_ACCESS_KEY"], secret)  # the identity is the folder's
        s3 = boto3.client("s3", endpoint_url=again["METAFLOW_S3_ENDPOINT_URL"], aws_secret_access_key=secret,
                          **credentials)
        self.assertEqual(s3.get_object(Bucket=bucket, Key="kept")["Body"].read(), b"across a restart")
        self.assertEqual(self.s3("env", self.folder).stdout, open(os.path.join(self.folder, "env")).read())


class ProxyTest(unittest.TestCase):
    proxy_options = ()
    proxy_env = None

    def setUp(self):
        self.proxy = S3Proxy(SEAWEEDFS.endpoint, *self.proxy_options, env=self.proxy_env).__enter__()
        self.addCleanup(self.proxy.__exit__, None, None, None)
        self.bucket = SEAWEEDFS.bucket
        # A prefix of its own: the fixtures in the same bucket are never touched.
        self.prefix = "proxy-selftest/%s/" % uuid.uuid4().hex
        self.s3 = self.client(max_attempts=1)
        direct = boto3.client("s3", endpoint_url=SEAWEEDFS.endpoint, **SEAWEEDFS.credentials)
        self.addCleanup(self.empty_prefix, direct)

    def client(self, max_attempts, secret=None):
        credentials = dict(SEAWEEDFS.credentials)
        if secret is not None:
            credentials["aws_secret_access_key"] = secret
        config = Config(retries={"mode": "standard", "total_max_attempts": max_attempts})
        return boto3.client("s3", endpoint_url=self.proxy.url, config=config, **credentials)

    def empty_prefix(self, direct):
        listed = direct.list_objects_v2(Bucket=self.bucket, Prefix=self.prefix).get("Contents", [])
        if listed:
            direct.delete_objects(Bucket=self.bucket, Delete={"Objects": [{"Key": o["Key"]} for o in listed]})

    def put(self, name, data):
        self.s3.put_object(Bucket=self.bucket, Key=self.prefix + name, Body=data)
        return self.prefix + name

    def error_of(self, call, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call(Bucket=self.bucket, **kwargs)
        return caught.exception.response["Error"]["Code"], caught.exception.response["ResponseMetadata"]["HTTPStatusCode"]


class PassThrough(ProxyTest):
    def test_signed_requests_verify_and_are_counted(self):
        data = os.urandom(3 * 1024 * 1024 + 7)
        key = self.put("blob", data)
        self.proxy.reset("client run 1")
        self.s3.head_object(Bucket=self.bucket, Key=key)
        self.assertEqual(self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read(), data)
        ranged = self.s3.get_object(Bucket=self.bucket, Key=key, Range="bytes=1000-1999")
        self.assertEqual(ranged["Body"].read(), data[1000:2000])
        self.assertEqual(ranged["ResponseMetadata"]["HTTPStatusCode"], 206)
        listed = self.s3.list_objects_v2(Bucket=self.bucket, Prefix=self.prefix)
        self.assertEqual([o["Key"] for o in listed["Contents"]], [key])
        stats = self.proxy.stats()
        self.assertEqual(stats["total"], 4)
        self.assertEqual(stats["by_method"], {"HEAD": 1, "GET": 3})
        self.assertEqual(stats["by_status"], {"200": 3, "206": 1})
        lines = [line for line in self.proxy.log_lines() if line["label"] == "client run 1"]
        self.assertEqual([(line["method"], line["status"]) for line in lines],
                         [("HEAD", 200), ("GET", 200), ("GET", 206), ("GET", 200)])
        self.assertEqual([line["bytes_out"] for line in lines[:3]], [0, len(data), 1000])
        self.assertEqual(lines[0]["path"], "/%s/%s" % (self.bucket, key))

    def test_no_stall_per_request(self):
        # The proxy writes an answer's head and body apart: with Nagle's algorithm on its socket the
        # body waited for the client's delayed ACK, ~40 ms per request, which swamped both clients'
        # times in Scripts/bench-s3. A small GET on loopback takes a few ms.
        key = self.put("small", b"x" * 37)
        times = []
        for _ in range(21):
            started = time.perf_counter()
            self.assertEqual(self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read(), b"x" * 37)
            times.append(time.perf_counter() - started)
        self.assertLess(sorted(times)[10], 0.030, "median of 21 small GETs through the proxy: %s" % times)

    def test_a_burst_of_connections_is_accepted_at_once(self):
        # mfsh opens 16 connections at once for a scan; with socketserver's listen backlog of 5 the
        # SYNs beyond it were dropped and the kernel sent them again a second later.
        sockets = [socket.socket() for _ in range(48)]
        try:
            started = time.perf_counter()
            for s in sockets:
                s.setblocking(False)
                s.connect_ex(("127.0.0.1", self.proxy.port))
            pending = list(sockets)
            while pending and time.perf_counter() - started < 3:
                _, writable, _ = select.select([], pending, [], 0.05)
                pending = [s for s in pending if s not in writable]
            elapsed = time.perf_counter() - started
        finally:
            for s in sockets:
                s.close()
        self.assertEqual(pending, [])
        self.assertLess(elapsed, 0.5)

    def test_a_client_that_hangs_up_is_counted_for_what_it_was_sent(self):
        # Python's client drops a plain GET of a big blob after ~4 MB: the table must show the
        # bytes that crossed the wire, not the object's size.
        data = os.urandom(24 * 1024 * 1024)
        key = self.put("huge", data)
        body = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"]
        self.assertEqual(body.read(1000), data[:1000])
        body.close()
        line = [line for line in self.proxy.log_lines() if line["method"] == "GET"][-1]
        self.assertEqual(line["status"], 200)
        self.assertGreaterEqual(line["bytes_out"], 1000)
        self.assertLess(line["bytes_out"], len(data))

    def test_user_metadata_survives_the_proxy(self):
        # Metaflow keeps its CAS flag in x-amz-meta-metaflow-user-attributes, which must be signed.
        key = self.prefix + "meta"
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=b"x", Metadata={"metaflow-user-attributes": '{"cas_raw": false}'})
        self.assertEqual(self.s3.head_object(Bucket=self.bucket, Key=key)["Metadata"],
                         {"metaflow-user-attributes": '{"cas_raw": false}'})

    def test_a_wrong_secret_is_refused_by_seaweedfs_not_the_proxy(self):
        key = self.put("a", b"a")
        wrong = self.client(1, secret="not-the-secret")
        self.assertEqual(self.error_of(wrong.get_object, Key=key), ("SignatureDoesNotMatch", 403))
        self.assertEqual(self.proxy.log_lines()[-1]["fault"], None)

    def test_the_secret_never_reaches_the_log_or_the_stats(self):
        self.put("a", b"a")
        with open(self.proxy.log_path, encoding="utf-8") as log:
            self.assertNotIn(SEAWEEDFS.secret, log.read())
        self.assertNotIn(SEAWEEDFS.secret, str(self.proxy.stats()))

    def test_a_bad_fault_is_refused(self):
        with self.assertRaises(urllib.error.HTTPError) as caught:
            self.proxy.configure(faults=[{"kind": "bogus"}])
        self.assertEqual(caught.exception.code, 400)
        with self.assertRaises(urllib.error.HTTPError):
            self.proxy.configure(faults=[{"kind": "cut"}])


class Faults(ProxyTest):
    def test_slowdown_n_times_then_boto3_retries_succeed(self):
        key = self.put("a", b"payload")
        self.proxy.configure(faults=[{"kind": "slowdown", "count": 2, "method": "GET"}])
        self.proxy.reset()
        body = self.client(max_attempts=3).get_object(Bucket=self.bucket, Key=key)["Body"].read()
        self.assertEqual(body, b"payload")
        self.assertEqual(self.proxy.stats()["by_status"], {"503": 2, "200": 1})
        self.assertEqual([line["fault"] for line in self.proxy.log_lines()[-3:]], ["slowdown", "slowdown", None])

    def test_slowdown_without_retries_is_the_error(self):
        key = self.put("a", b"payload")
        self.proxy.configure(faults=[{"kind": "slowdown"}])
        self.assertEqual(self.error_of(self.s3.get_object, Key=key), ("SlowDown", 503))

    def test_cut_after_k_bytes_of_a_get_body(self):
        data = os.urandom(1024 * 1024)
        key = self.put("big", data)
        self.proxy.configure(faults=[{"kind": "cut", "after_bytes": 100000, "count": 1, "method": "GET"}])
        body = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"]
        with self.assertRaises((botocore.exceptions.ResponseStreamingError, botocore.exceptions.IncompleteReadError)):
            body.read()
        cut = [line for line in self.proxy.log_lines() if line["method"] == "GET"][-1]
        self.assertEqual((cut["bytes_out"], cut["fault"]), (100000, "cut"))
        # The count is spent: the next download is whole.
        self.assertEqual(self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read(), data)

    def test_cut_seen_by_curl_as_a_partial_file(self):
        data = os.urandom(200000)
        key = self.put("big", data)
        self.proxy.configure(faults=[{"kind": "cut", "after_bytes": 5000}])
        with tempfile.TemporaryDirectory() as scratch:
            out = os.path.join(scratch, "body")
            done = subprocess.run(
                ["curl", "-s", "-o", out, "-K", os.path.join(SEAWEEDFS.folder, "curl-auth"),
                 "--aws-sigv4", "aws:amz:%s:s3" % SEAWEEDFS.env["AWS_DEFAULT_REGION"],
                 "%s/%s/%s" % (self.proxy.url, self.bucket, key)], capture_output=True)
            self.assertEqual(done.returncode, 18, done.stderr)  # CURLE_PARTIAL_FILE
            with open(out, "rb") as f:
                self.assertEqual(f.read(), data[:5000])

    def test_nosuchkey_for_a_key_that_exists(self):
        key = self.put("a", b"a")
        self.proxy.configure(faults=[{"kind": "nosuchkey", "count": 2}])
        self.assertEqual(self.error_of(self.s3.get_object, Key=key), ("NoSuchKey", 404))
        self.assertEqual(self.error_of(self.s3.head_object, Key=key), ("404", 404))
        self.assertEqual(self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read(), b"a")

    def test_access_denied(self):
        key = self.put("a", b"a")
        self.proxy.configure(faults=[{"kind": "accessdenied"}])
        self.assertEqual(self.error_of(self.s3.get_object, Key=key), ("AccessDenied", 403))
        self.assertEqual(self.error_of(self.s3.list_objects_v2, Prefix=self.prefix), ("AccessDenied", 403))

    def test_signature_does_not_match(self):
        key = self.put("a", b"a")
        self.proxy.configure(faults=[{"kind": "signature"}])
        self.assertEqual(self.error_of(self.s3.get_object, Key=key), ("SignatureDoesNotMatch", 403))

    def test_faults_match_method_and_prefix_only(self):
        key_a, key_b = self.put("a/x", b"a"), self.put("b/x", b"b")
        self.proxy.configure(faults=[{"kind": "nosuchkey", "method": "GET",
                                      "prefix": "/%s/%sa/" % (self.bucket, self.prefix)}])
        self.assertEqual(self.error_of(self.s3.get_object, Key=key_a), ("NoSuchKey", 404))
        self.s3.head_object(Bucket=self.bucket, Key=key_a)
        self.assertEqual(self.s3.get_object(Bucket=self.bucket, Key=key_b)["Body"].read(), b"b")

    def test_latency_per_request(self):
        key_a, key_b = self.put("a/x", b"a"), self.put("b/x", b"b")
        self.proxy.configure(faults=[{"kind": "latency", "ms": 400, "prefix": "/%s/%sa/" % (self.bucket, self.prefix)}])
        started = time.perf_counter()
        self.s3.head_object(Bucket=self.bucket, Key=key_a)
        self.assertGreaterEqual(time.perf_counter() - started, 0.4)
        started = time.perf_counter()
        self.s3.head_object(Bucket=self.bucket, Key=key_b)
        self.assertLess(time.perf_counter() - started, 0.4)


class FaultsAtStart(ProxyTest):
    """Faults from S3_PROXY_FAULTS and --faults, and --latency-ms, before any request."""
    faults_file = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    faults_file.write('[{"kind": "accessdenied", "method": "DELETE"}]')
    faults_file.close()
    proxy_options = ("--faults", faults_file.name, "--latency-ms", "250")
    proxy_env = {"S3_PROXY_FAULTS": '[{"kind": "signature", "method": "HEAD"}]'}

    @classmethod
    def tearDownClass(cls):
        os.unlink(cls.faults_file.name)

    def test_faults_given_at_start_apply(self):
        key = self.put("a", b"a")
        self.assertEqual(self.error_of(self.s3.head_object, Key=key), ("403", 403))
        self.assertEqual(self.proxy.log_lines()[-1]["fault"], "signature")
        self.assertEqual(self.error_of(self.s3.delete_object, Key=key), ("AccessDenied", 403))
        started = time.perf_counter()
        self.assertEqual(self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read(), b"a")
        self.assertGreaterEqual(time.perf_counter() - started, 0.25)


if __name__ == "__main__":
    unittest.main()
