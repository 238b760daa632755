"""report() pages as a user opens them: mfsh writes the HTML report of six fixture runs (linear,
branch/join, foreach with retries, nested foreach, a failed run and a killed one, one with a chart
added), and real headless Chromium loads each page.

Checks, per page:
- Nothing can reach the network: no <script>, <link>, src=, href=, url( or @import in the file,
  and Chromium's net log of the load holds no request other than the file itself.
- Chromium logs no console message (errors included).
- The DOM Chromium built holds every step of the run's graph (a DAG box per step, named as
  Python's client names them), one task row per task Python's client lists, the run's status, and
  for a failed run its failed task's exception.
- A screenshot of the page goes to .build/report-screenshots/<label>.png, to be looked at.

Run by Scripts/test-report-pages with the oracle venv's python (Python's client gives the facts).
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
mfsh = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, ".build/release/mfsh"))
fixtures = os.path.join(top, "Tests/Fixtures/generated")
shots = os.path.join(top, ".build/report-screenshots")
chromium = shutil.which("chromium") or shutil.which("chromium-browser")

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


if chromium is None:
    sys.exit("test-report-pages: chromium is required (Scripts/setup --test installs it)")
if not os.access(mfsh, os.X_OK):
    sys.exit(f"test-report-pages: {mfsh} is missing; build it first")
if not os.path.isdir(os.path.join(fixtures, ".metaflow/SlowFlow")):
    sys.exit(f"test-report-pages: {fixtures} lacks the fixture runs; run Scripts/make-fixtures")

os.chdir(fixtures)
os.environ["USERNAME"] = "alice"
from metaflow import Flow, namespace  # noqa: E402  (after chdir: the local datastore is found from here)

namespace(None)


def pick(flow, want):
    for r in Flow(flow):
        if want(r):
            return r
    sys.exit(f"test-report-pages: no {flow} run of the kind wanted in the fixtures")


runs = {
    "linear": Flow("RetryFlow").latest_run,
    "branch": Flow("BranchFlow").latest_run,
    "foreach": Flow("WideFlow").latest_run,
    "nested": Flow("NestedForeachFlow").latest_run,
    "failed": pick("FailFlow", lambda r: not r.finished and "boom" in r and not r["boom"].task.successful),
    "killed": pick("SlowFlow", lambda r: not r.finished and "slow" in r and not r["slow"].task.finished),
}


class Page(html.parser.HTMLParser):
    """What the checks look for in a DOM: DAG boxes, task rows, elements with a class, text."""

    def __init__(self):
        super().__init__()
        self.steps, self.tasks, self.classes, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for c in (a.get("class") or "").split():
            self.classes.append((tag, c))
        if tag == "rect" and "step" in (a.get("class") or "").split():
            self.steps.append(a.get("data-name"))
        if tag == "tr" and a.get("class") == "task":
            self.tasks.append(a.get("data-pathspec"))

    def handle_data(self, data):
        self.text.append(data)


def page_requests(netlog):
    """URLs the page itself asked for, from Chromium's net log: requests made for a file:// page
    (its network isolation key), not the browser's own background traffic (update checks)."""
    raw = open(netlog).read().rstrip()
    try:
        log = json.loads(raw)
    except ValueError:
        # Chromium may leave the log's closing brackets off when it exits; what was written is enough.
        log = json.loads(raw.rstrip(",") + "]}")
    kinds = {v: k for k, v in log.get("constants", {}).get("logEventTypes", {}).items()}
    found = set()
    for e in log.get("events", []):
        p = e.get("params") or {}
        if kinds.get(e.get("type")) == "URL_REQUEST_START_JOB" and "file://" in str(p.get("network_isolation_key", "")):
            if not str(p.get("url", "")).startswith(("file:", "data:", "about:")):
                found.add(p["url"])
    return sorted(found)


def console_lines(stderr):
    """The page's console messages in Chromium's log (`:CONSOLE:` lines)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def chromium_flags(profile, netlog):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--user-data-dir={profile}", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--enable-logging=stderr", "--v=0", f"--log-net-log={netlog}", "--window-size=1200,1800"]


work = tempfile.mkdtemp(prefix="mfsh-report-pages-")
os.makedirs(shots, exist_ok=True)
try:
    # The network check must see a page's request: a page with an image from elsewhere is caught.
    with open(f"{work}/control.html", "w") as f:
        f.write('<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"></body></html>')
    subprocess.run(chromium_flags(f"{work}/profile-control", f"{work}/netlog-control.json") + ["--dump-dom", f"file://{work}/control.html"],
                   capture_output=True, timeout=90)
    check("control: a page's own request shows in the net log", page_requests(f"{work}/netlog-control.json") == ["http://example.invalid/x.png"])
    with open(f"{work}/console.html", "w") as f:
        f.write('<!DOCTYPE html><html><body><script>console.error("control message")</script></body></html>')
    logged = subprocess.run(chromium_flags(f"{work}/profile-console", f"{work}/netlog-console.json") + ["--dump-dom", f"file://{work}/console.html"],
                            capture_output=True, text=True, timeout=90)
    check("control: a page's console message shows in the log", any("control message" in l for l in console_lines(logged.stderr)))
    code = ["namespace(None)"]
    for label, run in runs.items():
        charts = ', charts={"a chart": plot([3, 1, 2], svg=True)}' if label == "linear" else ""
        code.append(f'report(Run("{run.pathspec}"), "{work}/{label}.html"{charts})')
    env = dict(os.environ, HOME=work, TZ="UTC", USERNAME="alice")
    made = subprocess.run([mfsh, "-c", "\n".join(code)], capture_output=True, text=True, env=env, timeout=120)
    check("mfsh writes the reports", made.returncode == 0, made.stderr.strip())

    for label, run in runs.items():
        page_path = f"{work}/{label}.html"
        if not os.path.exists(page_path):
            check(f"{label}: page written", False, page_path)
            continue
        source = open(page_path, encoding="utf-8").read()
        for needle in ("<script", "<link", "src=", "href=", "url(", "@import", "<iframe", "<object"):
            check(f"{label}: no {needle} in the page", needle not in source.lower())

        profile = f"{work}/profile-{label}"
        netlog = f"{work}/netlog-{label}.json"
        flags = chromium_flags(profile, netlog)
        url = "file://" + page_path
        dom = subprocess.run(flags + ["--dump-dom", url], capture_output=True, text=True, timeout=90)
        check(f"{label}: chromium loads the page", dom.returncode == 0 and "</html>" in dom.stdout, dom.stderr[-500:])
        console = console_lines(dom.stderr)
        check(f"{label}: no console message", not console, "\n".join(console))
        outside = page_requests(netlog)
        check(f"{label}: no network request", not outside, ", ".join(outside))

        page = Page()
        page.feed(dom.stdout)
        graph_steps = sorted(run["start"].task["_graph_info"].data["steps"])
        check(f"{label}: a DAG box per graph step", sorted(page.steps) == graph_steps, f"{sorted(page.steps)} != {graph_steps}")
        tasks = sorted(t.pathspec for s in run for t in s)
        check(f"{label}: a task row per task", sorted(page.tasks) == tasks, f"{len(page.tasks)} rows, {len(tasks)} tasks")
        text = "".join(page.text)
        check(f"{label}: the run's pathspec as title", run.pathspec in text)
        check(f"{label}: a timeline picture", ("rect", "bar") in page.classes)
        if label == "failed":
            check("failed: a Failed tasks section", "Failed tasks" in text)
            check("failed: the exception of the failed task", "intentional failure in boom" in text)
        if label == "linear":
            series = [t for t, c in page.classes if c == "series"]
            check("linear: the chart added (its title and its line)", "a chart" in text and len(series) == 1, f"{len(series)} series")
        shot = os.path.join(shots, f"{label}.png")
        if os.path.exists(shot):
            os.remove(shot)
        subprocess.run(flags + [f"--screenshot={shot}", url], capture_output=True, timeout=90)
        check(f"{label}: screenshot taken", os.path.exists(shot) and os.path.getsize(shot) > 5000, shot)
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f"test-report-pages: {passed} passed, {failed} failed (screenshots in {shots})")
sys.exit(1 if failed else 0)
