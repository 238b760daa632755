#!/usr/bin/env python3
"""Do the stand-in's answers have the shapes of the real service's? (metadata-service.md §16)

Runs the real TinyFlow (tiny_flow.py, the flow of the recordings) with real Metaflow against a
fresh stand-in, as the recordings were made (USERNAME=ci, tag ci-smoke, fresh database, so the
same URLs name the same objects), then asks the stand-in every URL of
shared/reference/metadata-service/README.md and compares with the recorded body: the same keys,
and for each key the same kinds of value (int, str, null, list of str, ...) across all list items;
and with the recorded head: status, Content-Type, and whether METADATA_SERVICE_VERSION is there.

The recordings come from the service's `main` branch, so the stand-in is checked in both modes:
with --paginate the key sets must be identical; in release mode they must be identical except for
`user` on runs, which only `main` has. A self-test first proves the comparison catches a missing
key and a changed type.

    check_shapes.py [--python PATH]   (default: the oracle venv of Scripts/venv)
Exit status 0 when everything matches; each difference is printed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from standin_process import HERE, StandIn

TOP = os.path.dirname(os.path.dirname(HERE))
# A copy of ../shared/reference/metadata-service (responses of the real metaflow-service v2.5.1,
# recorded by the team; see its README.md), kept in the repo so a clean clone can run this check.
RECORDINGS = os.environ.get("MFSH_SERVICE_RECORDINGS", os.path.join(HERE, "reference"))
F, S, J = "/flows/TinyFlow", "/flows/TinyFlow/runs/1/steps/work", "/flows/TinyFlow/runs/1/steps/join"
# recording name → the URL it was made with (README.md of the recordings)
URLS = {
    "flows": "/flows", "flow": F, "runs": F + "/runs", "run": F + "/runs/1", "steps": F + "/runs/1/steps",
    "step": S, "tasks": S + "/tasks", "task": S + "/tasks/3", "task_artifacts": J + "/tasks/5/artifacts",
    "task_attempt_artifacts": J + "/tasks/5/attempt/0/artifacts", "artifact": J + "/tasks/5/artifacts/total",
    "artifact_attempt": J + "/tasks/5/artifacts/total/attempt/0", "task_metadata": J + "/tasks/5/metadata",
    "run_metadata": F + "/runs/1/metadata", "step_artifacts": S + "/artifacts",
    "run_artifacts": F + "/runs/1/artifacts",
    # recorded from run 2 on S3; the shape is that of any artifact
    "artifact_s3": J + "/tasks/5/artifacts/total",
}
MAIN_ONLY_KEYS = {"runs": {"user"}, "run": {"user"}}


def kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, list):
        return "list<str>" if all(isinstance(v, str) for v in value) else "list<mixed>"
    return type(value).__name__


def shape(body):
    """{key: set of kinds} over the object or over all objects of a list; plus 'list'/'object'."""
    items = body if isinstance(body, list) else [body]
    keys = {}
    for item in items:
        if not isinstance(item, dict):
            return ("not objects", {"<item>": {kind(item)}})
        for k, v in item.items():
            keys.setdefault(k, set()).add(kind(v))
    return ("list" if isinstance(body, list) else "object", keys)


def compare_shapes(name, recorded, ours, ignore_keys=()):
    """Differences between two bodies' shapes, as readable lines."""
    (rec_form, rec_keys), (our_form, our_keys) = shape(recorded), shape(ours)
    problems = []
    if rec_form != our_form:
        problems.append("%s: a %s where the service answers a %s" % (name, our_form, rec_form))
    if isinstance(recorded, list) and recorded and isinstance(ours, list) and not ours:
        problems.append("%s: an empty list where the service answered %d items" % (name, len(recorded)))
    for k in sorted(set(rec_keys) - set(ignore_keys)):
        if k not in our_keys:
            problems.append("%s: key %r is missing" % (name, k))
        elif our_keys[k] != rec_keys[k]:
            problems.append("%s: key %r is %s, the service's is %s"
                            % (name, k, "/".join(sorted(our_keys[k])), "/".join(sorted(rec_keys[k]))))
    for k in sorted(set(our_keys) - set(rec_keys)):
        problems.append("%s: extra key %r" % (name, k))
    for k in sorted(set(ignore_keys) & set(our_keys)):
        problems.append("%s: key %r exists only on the service's main branch" % (name, k))
    return problems


def read_head(name):
    path = os.path.join(RECORDINGS, name + ".headers")
    if not os.path.exists(path):
        return None
    lines = open(path).read().splitlines()
    status = int(lines[0].split()[1])
    headers = {l.split(":", 1)[0].strip().lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
    return status, headers


def self_test():
    """The comparison must catch what it is for, or every later 'ok' means nothing."""
    recorded = [{"a": 1, "b": "x", "c": None}]
    assert compare_shapes("t", recorded, [{"a": 1, "b": "x", "c": None}]) == []
    assert compare_shapes("t", recorded, [{"a": 1, "c": None}]), "a missing key went unnoticed"
    assert compare_shapes("t", recorded, [{"a": "1", "b": "x", "c": None}]), "a changed type went unnoticed"
    assert compare_shapes("t", recorded, [{"a": 1, "b": "x", "c": []}]), "null → list went unnoticed"
    assert compare_shapes("t", recorded, {"a": 1, "b": "x", "c": None}), "object for list went unnoticed"
    assert compare_shapes("t", recorded, []), "an empty list went unnoticed"


def populate(db, python, workdir):
    """Real Metaflow writes TinyFlow run 1 through a stand-in on `db`."""
    with StandIn(db) as service:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": workdir, "USERNAME": "ci",
               "LANG": "C.UTF-8", "METAFLOW_DEFAULT_METADATA": "service", "METAFLOW_SERVICE_URL": service.url,
               "METAFLOW_DATASTORE_SYSROOT_LOCAL": workdir, "PYTHONDONTWRITEBYTECODE": "1"}
        run = subprocess.run([python, os.path.join(HERE, "tiny_flow.py"), "--no-pylint", "run", "--tag", "ci-smoke",
                              "--max-workers", "1"], cwd=workdir, env=env, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("check_shapes: TinyFlow failed against the stand-in:\n" + run.stdout[-3000:] + run.stderr[-3000:])


def check_mode(db, options, problems):
    label = "main" if "--paginate" in options else "release"
    with StandIn(db, *options) as service:
        for name, url in sorted(URLS.items()):
            recorded = json.load(open(os.path.join(RECORDINGS, name + ".json")))
            status, headers, body = service.request("GET", url)
            try:
                ours = json.loads(body)
            except ValueError:
                problems.append("[%s] %s: not JSON: %r" % (label, name, body[:200]))
                continue
            ignore = MAIN_ONLY_KEYS.get(name, ()) if label == "release" else ()
            problems += ["[%s] %s" % (label, p) for p in compare_shapes(name, recorded, ours, ignore)]
            head = read_head(name)
            if head is None:
                continue
            rec_status, rec_headers = head
            if status != rec_status:
                problems.append("[%s] %s: status %d, the service's %d" % (label, name, status, rec_status))
            if headers.get("content-type") != rec_headers.get("content-type"):
                problems.append("[%s] %s: Content-Type %r, the service's %r"
                                % (label, name, headers.get("content-type"), rec_headers.get("content-type")))
            for h in ("metadata_service_version",):
                if (h in headers) != (h in rec_headers) or headers.get(h) != rec_headers.get(h):
                    problems.append("[%s] %s: header %s is %r, the service's %r"
                                    % (label, name, h, headers.get(h), rec_headers.get(h)))
        if label == "main":
            check_page(service, problems)
        else:
            status, headers, body = service.request("GET", F + "/runs/1/metadata?_limit=2")
            if "x-limit" in headers or len(json.loads(body)) <= 2:
                problems.append("[release] _limit must be ignored, as v2.5.1 does (§7)")


def check_page(service, problems):
    """run_metadata_page1.json: the first page of `?_limit=2`, and the cursor's form."""
    recorded = json.load(open(os.path.join(RECORDINGS, "run_metadata_page1.json")))
    status, headers, body = service.request("GET", F + "/runs/1/metadata?_limit=2")
    page = json.loads(body)
    problems += ["[main] page1: " + p for p in compare_shapes("page1", recorded, page)]
    if len(page) != 2 or headers.get("x-limit") != "2" or "x-next-cursor" not in headers:
        problems.append("[main] page1: %d rows, X-Limit %r, X-Next-Cursor %r"
                        % (len(page), headers.get("x-limit"), headers.get("x-next-cursor")))
        return
    import base64
    cursor = json.loads(base64.b64decode(headers["x-next-cursor"]))
    if sorted(cursor) != ["id", "ts_epoch"] or cursor["id"] != page[-1]["id"]:
        problems.append("[main] page1: cursor %r is not {ts_epoch, id} of the last row" % (cursor,))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", help="python with metaflow (default: Scripts/venv's)")
    args = parser.parse_args()
    python = args.python or os.path.join(
        subprocess.run([os.path.join(TOP, "Scripts", "venv")], capture_output=True, text=True, check=True)
        .stdout.strip(), "bin", "python")
    if not os.path.isdir(RECORDINGS):
        sys.exit("check_shapes: the recordings are missing: %s (set MFSH_SERVICE_RECORDINGS)" % RECORDINGS)
    self_test()
    problems = []
    with tempfile.TemporaryDirectory(prefix="check-shapes-") as work:
        db = os.path.join(work, "metadata.sqlite")
        populate(db, python, work)
        check_mode(db, [], problems)
        check_mode(db, ["--paginate"], problems)
    for p in problems:
        print("FAIL " + p)
    print("check_shapes: %d recordings × 2 modes, %d differences" % (len(URLS), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
