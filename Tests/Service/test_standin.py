#!/usr/bin/env python3
"""Self-tests of the stand-in: each injected fault does what it says, the counters count, the
data survive a restart, and the service quirks of metadata-service.md §3–§7 that check_shapes.py
cannot see (they are about behaviour, not shapes) hold.

    python3 Tests/Service/test_standin.py [-v]
"""
import http.client
import json
import os
import socket
import subprocess
import tempfile
import time
import unittest

from standin_process import HERE, StandIn

SERVICE_SCRIPT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "Scripts", "service")

F = "/flows/TinyFlow"


def populate(service, run_id=None):
    """What the runtime sends for a one-task run (§6.1, §8), through the HTTP API."""
    service.request("POST", F, {"flow_id": "TinyFlow", "ts_epoch": 1000})
    body = {"flow_id": "TinyFlow", "user_name": "ci", "tags": ["e2e"], "system_tags": ["user:ci"], "ts_epoch": 2000}
    if run_id:
        body["run_number"] = run_id
    status, run = service.json("POST", F + "/run", body)
    assert status == 200, run
    r = run["run_number"]
    service.request("POST", "%s/runs/%s/steps/start/step" % (F, r), {"user_name": "ci", "ts_epoch": 3000})
    status, task = service.json("POST", "%s/runs/%s/steps/start/task" % (F, r), {"user_name": "ci", "ts_epoch": 4000})
    t = task["task_id"]
    base = "%s/runs/%s/steps/start/tasks/%s" % (F, r, t)
    service.request("POST", base + "/metadata", [
        {"field_name": "foreach-stack", "value": ["items=2"], "type": "foreach-stack", "tags": ["attempt_id:0"]},
        {"field_name": "attempt", "value": "0", "type": "attempt", "tags": ["attempt_id:0"]}])
    for attempt in (0, 1):
        names = ["x", "only0"] if attempt == 0 else ["x"]
        service.request("POST", base + "/artifact", [
            {"name": n, "attempt_id": attempt, "sha": "%s%d" % (n, attempt), "ds_type": "local",
             "location": ":root:/tmp", "type": "metaflow.artifact", "content_type": "pickle-v4"} for n in names])
    return r, t, base


class Faults(unittest.TestCase):
    def setUp(self):
        # Cleanups, not tearDown: they run even when setUp fails half-way, so no stand-in is left.
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.service = StandIn(os.path.join(self.tmp.name, "db.sqlite")).__enter__()
        self.addCleanup(self.service.__exit__, None, None, None)

    def test_next_n_requests_answer_500_then_normal(self):
        self.service.configure(faults=[{"kind": "status", "status": 500, "count": 2}])
        for _ in range(2):
            status, headers, body = self.service.request("GET", "/flows")
            self.assertEqual(status, 500)
            self.assertEqual(json.loads(body)["status"], 500)
        self.assertEqual(self.service.request("GET", "/flows")[0], 200)

    def test_path_prefix_answers_401_and_403_every_time(self):
        self.service.configure(faults=[{"kind": "status", "status": 401, "prefix": "/flows/Secret"},
                                       {"kind": "status", "status": 403, "prefix": "/flows/Private"}])
        for _ in range(3):
            self.assertEqual(self.service.request("GET", "/flows/Secret/runs")[0], 401)
            self.assertEqual(self.service.request("GET", "/flows/Private")[0], 403)
        self.assertEqual(self.service.request("GET", "/flows/Other")[0], 404)  # not faulted: a missing flow
        self.assertEqual(self.service.request("GET", "/flows")[0], 200)

    def test_method_restricts_a_fault(self):
        self.service.configure(faults=[{"kind": "status", "status": 503, "method": "POST"}])
        self.assertEqual(self.service.request("GET", "/flows")[0], 200)
        self.assertEqual(self.service.request("POST", F, {"flow_id": "TinyFlow"})[0], 503)

    def test_malformed_json_body(self):
        self.service.configure(faults=[{"kind": "malformed", "count": 1}])
        status, headers, body = self.service.request("GET", "/flows")
        self.assertEqual(status, 200)
        self.assertEqual(int(headers["content-length"]), len(body))
        with self.assertRaises(ValueError):
            json.loads(body)
        self.assertEqual(json.loads(self.service.request("GET", "/flows")[2]), [])

    def test_truncated_body(self):
        populate(self.service)
        self.service.configure(faults=[{"kind": "truncate", "count": 1}])
        with self.assertRaises(http.client.IncompleteRead):
            self.service.request("GET", F + "/runs")
        self.assertEqual(len(self.service.json("GET", F + "/runs")[1]), 1)

    def test_close_connection_without_answer(self):
        self.service.configure(faults=[{"kind": "close", "count": 1}])
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
            self.service.request("GET", "/flows")
        self.assertEqual(self.service.request("GET", "/flows")[0], 200)

    def test_hang_for_t_seconds(self):
        self.service.configure(faults=[{"kind": "hang", "seconds": 1.5, "count": 2}])
        with self.assertRaises(socket.timeout):
            self.service.request("GET", "/flows", timeout=0.5)
        start = time.monotonic()
        self.assertEqual(self.service.request("GET", "/flows", timeout=5)[0], 200)
        self.assertGreaterEqual(time.monotonic() - start, 1.4)
        start = time.monotonic()
        self.service.request("GET", "/flows")
        self.assertLess(time.monotonic() - start, 1.0)

    def test_latency_set_at_runtime(self):
        self.service.configure(latency_ms=300)
        start = time.monotonic()
        self.service.request("GET", "/ping")
        self.assertGreaterEqual(time.monotonic() - start, 0.29)
        self.service.configure(latency_ms=0)
        start = time.monotonic()
        self.service.request("GET", "/ping")
        self.assertLess(time.monotonic() - start, 0.25)

    def test_bad_config_is_refused(self):
        status, answer = self.service.json("POST", "/_standin/config", {"faults": [{"kind": "explode"}]})
        self.assertEqual(status, 400)
        status, answer = self.service.json("POST", "/_standin/config", {"faults": [{"kind": "status"}]})
        self.assertEqual(status, 400)
        self.assertEqual(self.service.json("GET", "/_standin/config")[1]["faults"], [])

    def test_counts_per_method_and_path_and_reset(self):
        self.service.request("GET", "/flows")
        self.service.request("GET", "/flows?_limit=1")
        self.service.request("POST", F, {"flow_id": "TinyFlow"})
        stats = self.service.json("GET", "/_standin/stats")[1]
        self.assertEqual(stats["requests"], {"GET /flows": 2, "POST /flows/TinyFlow": 1})
        self.assertEqual((stats["total"], stats["by_method"]), (3, {"GET": 2, "POST": 1}))
        self.service.request("POST", "/_standin/reset")
        self.assertEqual(self.service.json("GET", "/_standin/stats")[1]["total"], 0)


class StartOptions(unittest.TestCase):
    def test_latency_option_and_restart_keeps_data(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "db.sqlite")
            with StandIn(db, "--latency-ms", "200") as service:
                start = time.monotonic()
                populate(service)
                self.assertGreaterEqual(time.monotonic() - start, 0.2 * 7)  # populate sends 7 requests
            with StandIn(db) as service:
                status, runs = service.json("GET", F + "/runs")
                self.assertEqual([r["run_number"] for r in runs], [1])
                _, second = service.json("POST", F + "/run", {"flow_id": "TinyFlow"})
                self.assertEqual(second["run_number"], 2)  # the sequence goes on after a restart


def listening_addresses(port):
    """Local addresses of the LISTEN sockets on `port`, from /proc/net/tcp (IPv4) and tcp6."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:
                    found.append(address)
    return found


class ServiceScript(unittest.TestCase):
    """Scripts/service start/status/stop, and that the stand-in listens on 127.0.0.1 only."""

    def run_script(self, *args):
        return subprocess.run([SERVICE_SCRIPT] + list(args), capture_output=True, text=True)

    def test_start_status_stop(self):
        with tempfile.TemporaryDirectory() as tmp:
            started = self.run_script("start", tmp, "--latency-ms", "1")
            self.assertEqual(started.returncode, 0, started.stderr)
            with open(os.path.join(tmp, "env")) as f:
                env = f.read()
            self.assertEqual(env, started.stdout)
            url = [l.split("=", 1)[1] for l in env.splitlines() if "METAFLOW_SERVICE_URL=" in l][0]
            self.assertTrue(url.startswith("http://127.0.0.1:"), url)
            port = int(url.rsplit(":", 1)[1])
            self.assertEqual(listening_addresses(port), ["0100007F"])  # 127.0.0.1, nothing else
            with open(os.path.join(tmp, "standin.pid")) as f:
                pid = int(f.read())
            self.assertEqual(self.run_script("status", tmp).returncode, 0)
            self.assertNotEqual(self.run_script("start", tmp).returncode, 0)  # one per folder
            stopped = self.run_script("stop", tmp)
            self.assertEqual(stopped.returncode, 0, stopped.stderr)
            with self.assertRaises(ProcessLookupError):
                os.kill(pid, 0)
            self.assertEqual(self.run_script("status", tmp).returncode, 1)
            self.assertFalse(os.path.exists(os.path.join(tmp, "env")))
            self.assertTrue(os.path.exists(os.path.join(tmp, "metadata.sqlite")))


class Quirks(unittest.TestCase):
    """§3–§7 behaviour beyond shapes."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.addClassCleanup(cls.tmp.cleanup)
        cls.service = StandIn(os.path.join(cls.tmp.name, "db.sqlite")).__enter__()
        cls.addClassCleanup(cls.service.__exit__, None, None, None)
        cls.run_number, cls.task, cls.base = populate(cls.service)

    def test_envelope(self):
        status, headers, body = self.service.request("GET", "/ping")
        self.assertEqual((status, body, headers["metadata_service_version"]), (200, b"pong", "2.5.1"))
        status, headers, body = self.service.request("GET", "/version")
        self.assertEqual((body, "metadata_service_version" in headers), (b"2.5.1", False))
        self.assertEqual(json.loads(json.loads(self.service.request("GET", "/healthcheck")[2])), {"status": "UP"})
        status, headers, body = self.service.request("GET", F + "/runs/1")
        self.assertEqual(headers["content-type"], "text/plain; charset=utf-8")
        self.assertEqual(self.service.request("GET", F + "/runs/99")[::2], (404, b"{}"))
        self.assertEqual(self.service.request("GET", "/flows/Nope/runs/1/steps")[::2], (200, b"[]"))
        self.assertEqual(self.service.request("GET", "/nowhere")[0], 404)

    def test_ids_and_grafted_tags(self):
        _, step = self.service.json("GET", F + "/runs/1/steps/start")
        self.assertEqual(step["run_number"], "1")
        _, task = self.service.json("GET", self.base)
        self.assertEqual((task["run_number"], task["tags"]), (1, ["e2e"]))
        _, run2, = self.service.json("POST", F + "/run", {"flow_id": "TinyFlow"})
        self.service.request("POST", F + "/runs/2/steps/start/step", {})
        _, task2 = self.service.json("POST", F + "/runs/2/steps/start/task", {})
        self.assertEqual(task2["task_id"], self.task + 1)  # one task sequence for all runs (§9)

    def test_string_run_id_and_task_name(self):
        _, run = self.service.json("POST", F + "/run", {"flow_id": "TinyFlow", "run_number": "argo-abc"})
        self.assertEqual(run["run_number"], "argo-abc")
        self.service.request("POST", F + "/runs/argo-abc/steps/s/step", {})
        _, task = self.service.json("POST", F + "/runs/argo-abc/steps/s/task", {"task_id": "t-0001"})
        self.assertEqual(task["task_id"], "t-0001")
        _, again = self.service.json("GET", F + "/runs/argo-abc/steps/s/tasks/t-0001")
        self.assertEqual((again["run_number"], again["task_id"]), ("argo-abc", "t-0001"))
        self.assertEqual(self.service.request("POST", F + "/runs/argo-abc/steps/s/task", {"task_id": "t-0001"})[0], 409)
        status, body = self.service.json("POST", F + "/run", {"flow_id": "TinyFlow", "run_number": 7})
        self.assertEqual(status, 500)

    def test_attempts(self):
        _, arts = self.service.json("GET", self.base + "/artifacts")
        self.assertEqual(sorted((a["name"], a["attempt_id"]) for a in arts), [("x", 1)])  # latest attempt only
        _, arts0 = self.service.json("GET", self.base + "/attempt/0/artifacts")
        self.assertEqual(sorted(a["name"] for a in arts0), ["only0", "x"])
        self.assertEqual(self.service.json("GET", self.base + "/artifacts/only0")[1]["attempt_id"], 0)
        self.assertEqual(self.service.json("GET", self.base + "/artifacts/x/attempt/0")[1]["sha"], "x0")
        headers = self.service.request("GET", self.base + "/attempt/0/artifacts")[1]
        self.assertNotIn("metadata_service_version", headers)

    def test_metadata_text_and_filtered_tasks(self):
        _, rows = self.service.json("GET", self.base + "/metadata")
        stack = [m for m in rows if m["field_name"] == "foreach-stack"][0]
        self.assertEqual((stack["value"], stack["system_tags"]), ("{items=2}", None))
        url = F + "/runs/1/steps/start/filtered_tasks?metadata_field_name=foreach-stack&pattern="
        self.assertEqual(self.service.json("GET", url + "items%3D2")[1], ["TinyFlow/1/start/%s" % self.task])
        self.assertEqual(self.service.json("GET", url + "%5Eitems%3D3")[1], [])

    def test_tag_mutation_keeps_ts_epoch(self):
        _, before = self.service.json("GET", F + "/runs/1")
        status, answer = self.service.json("PATCH", F + "/runs/1/tag/mutate",
                                           {"tags_to_add": ["new"], "tags_to_remove": ["e2e"]})
        self.assertEqual((status, answer), (200, {"tags": ["new"]}))
        _, after = self.service.json("GET", F + "/runs/1")
        self.assertEqual((after["ts_epoch"], after["tags"]), (before["ts_epoch"], ["new"]))
        self.assertEqual(self.service.json("GET", self.base)[1]["tags"], ["new"])  # grafted at read time
        self.assertEqual(self.service.request("PATCH", F + "/runs/1/tag/mutate",
                                              {"tags_to_add": [], "tags_to_remove": ["user:ci"]})[0], 422)
        self.assertEqual(self.service.request("PATCH", F + "/runs/1/tag/mutate", {"tags_to_add": "x"})[0], 400)
        self.assertEqual(self.service.request("PATCH", F + "/runs/99/tag/mutate", {})[0], 404)
        self.service.request("PATCH", F + "/runs/1/tag/mutate", {"tags_to_add": ["e2e"], "tags_to_remove": ["new"]})

    def test_heartbeat_within_10_s_is_404(self):
        status, _, body = self.service.request("POST", F + "/runs/1/heartbeat", "{}")
        self.assertEqual((status, body), (404, b"{}"))

    def test_pagination_only_with_the_flag(self):
        self.assertNotIn("x-limit", self.service.request("GET", F + "/runs/1/metadata?_limit=1")[1])
        with StandIn(self.service.db_path, "--paginate") as main:
            seen, cursor = [], None
            while True:
                url = F + "/runs/1/metadata?_limit=1" + ("&_cursor=" + cursor if cursor else "")
                status, headers, body = main.request("GET", url)
                seen += [m["id"] for m in json.loads(body)]
                cursor = headers.get("x-next-cursor")
                if not cursor:
                    break
            self.assertEqual(seen, sorted(seen, reverse=True))
            self.assertEqual(len(seen), 2)


if __name__ == "__main__":
    unittest.main()
