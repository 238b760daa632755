"""SQLite storage of the stand-in metadata service (clean-room from docs/metadata-service.md §4–§9).

The tables follow the real service's six tables (§9) closely enough to reproduce its visible
consequences: `run_number` and `task_id` are each ONE sequence for the whole database (a second
run of any flow continues both), string run ids and task names live beside the numbers, and
metadata `value` is TEXT (so a posted list comes back as PostgreSQL array-literal text, §5).

Every method returns plain JSON-ready dicts shaped like the real service's answers (§5), or None
for "no such object". One connection guarded by one lock: the HTTP server is threaded, SQLite
objects must not be shared between threads unguarded, and the real service is CPU-bound anyway.
"""
import json
import re
import sqlite3
import threading
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS flows (
  flow_id TEXT PRIMARY KEY, user_name TEXT, ts_epoch INTEGER, tags TEXT, system_tags TEXT);
CREATE TABLE IF NOT EXISTS runs (
  run_number INTEGER PRIMARY KEY AUTOINCREMENT, flow_id TEXT NOT NULL REFERENCES flows(flow_id),
  run_id TEXT, user_name TEXT, ts_epoch INTEGER, last_heartbeat_ts INTEGER, tags TEXT, system_tags TEXT,
  UNIQUE (flow_id, run_id));
CREATE TABLE IF NOT EXISTS steps (
  flow_id TEXT, run_number INTEGER, step_name TEXT, user_name TEXT, ts_epoch INTEGER,
  tags TEXT, system_tags TEXT, PRIMARY KEY (flow_id, run_number, step_name));
CREATE TABLE IF NOT EXISTS tasks (
  task_id INTEGER PRIMARY KEY AUTOINCREMENT, flow_id TEXT, run_number INTEGER, step_name TEXT,
  task_name TEXT, user_name TEXT, ts_epoch INTEGER, last_heartbeat_ts INTEGER, tags TEXT, system_tags TEXT,
  UNIQUE (flow_id, run_number, step_name, task_name));
CREATE INDEX IF NOT EXISTS tasks_by_step ON tasks (flow_id, run_number, step_name);
CREATE TABLE IF NOT EXISTS metadata (
  id INTEGER PRIMARY KEY AUTOINCREMENT, flow_id TEXT, run_number INTEGER, step_name TEXT, task_id INTEGER,
  field_name TEXT, value TEXT, type TEXT, user_name TEXT, ts_epoch INTEGER, tags TEXT, system_tags TEXT);
CREATE INDEX IF NOT EXISTS metadata_by_task ON metadata (flow_id, run_number, task_id);
CREATE TABLE IF NOT EXISTS artifacts (
  flow_id TEXT, run_number INTEGER, step_name TEXT, task_id INTEGER, name TEXT, location TEXT,
  ds_type TEXT, sha TEXT, type TEXT, content_type TEXT, user_name TEXT, attempt_id INTEGER,
  ts_epoch INTEGER, tags TEXT, system_tags TEXT,
  PRIMARY KEY (flow_id, run_number, step_name, task_id, attempt_id, name));
"""

HEARTBEAT_MIN_INTERVAL_S = 10  # §6.1: a heartbeat within 10 s of the previous one answers 404


class Conflict(Exception):
    """The object exists already (the real service answers 409 from its database layer)."""


class BadRequest(Exception):
    """A body the service rejects with 400 (its message is the answer, as a JSON string)."""


class Unprocessable(Exception):
    """422: the request is well-formed but not allowed (removing a system tag)."""


class MissingParent(Exception):
    """A write under a parent that does not exist (a foreign-key violation in the real service)."""


def now_ms():
    return int(round(time.time() * 1000))


def _tags_in(value):
    """Tags as stored: JSON text, or NULL when the writer sent none (flows, metadata system_tags)."""
    return None if value is None else json.dumps(list(value))


def _tags_out(text):
    return None if text is None else json.loads(text)


def _pg_array_literal(items):
    """What PostgreSQL prints for an array cast to TEXT: the real service stores a posted list
    (`foreach-stack`) in a TEXT column, so it reads back as `{items=2}`, not as JSON (§5)."""
    out = []
    for item in items:
        if isinstance(item, list):
            out.append(_pg_array_literal(item))
        elif item is None:
            out.append("NULL")
        elif isinstance(item, bool):
            out.append("true" if item else "false")
        else:
            text = str(item)
            needs_quotes = (text == "" or text.upper() == "NULL"
                            or any(c in text for c in '{},"\\') or any(c.isspace() for c in text))
            if needs_quotes:
                text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
            out.append(text)
    return "{" + ",".join(out) + "}"


def _text_value(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return _pg_array_literal(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return json.dumps(value)
    return str(value)


def _int_or_none(value):
    if value is None:
        return None
    return int(value)


class Store:
    def __init__(self, path, with_user_field=False):
        self.with_user_field = with_user_field  # `user` on runs exists only on the service's `main`
        self.lock = threading.Lock()
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # survives a killed process; not a power cut
        self.db.executescript(SCHEMA)

    def close(self):
        with self.lock:
            self.db.close()

    # --- shaping rows into the service's JSON (§5) ---------------------------------------------

    @staticmethod
    def _run_display(run):
        """The run's id as the service shows it: the string id if it has one, else the number."""
        return run["run_id"] if run["run_id"] is not None else run["run_number"]

    @staticmethod
    def _task_display(task):
        return task["task_name"] if task["task_name"] is not None else task["task_id"]

    def _flow_json(self, row):
        return {"flow_id": row["flow_id"], "user_name": row["user_name"], "ts_epoch": row["ts_epoch"],
                "tags": _tags_out(row["tags"]), "system_tags": _tags_out(row["system_tags"])}

    def _run_json(self, row):
        out = {"flow_id": row["flow_id"], "run_number": self._run_display(row), "user_name": row["user_name"],
               "ts_epoch": row["ts_epoch"], "tags": _tags_out(row["tags"]),
               "system_tags": _tags_out(row["system_tags"]), "last_heartbeat_ts": row["last_heartbeat_ts"]}
        if self.with_user_field:
            system_tags = out["system_tags"] or []
            user = row["user_name"]
            out["user"] = user if user is not None and ("user:%s" % user) in system_tags else None
        return out

    def _step_json(self, row, run):
        # Steps answer run_number as a string even for numeric runs (§5), and the run's tags.
        return {"flow_id": row["flow_id"], "run_number": str(self._run_display(run)), "step_name": row["step_name"],
                "user_name": row["user_name"], "ts_epoch": row["ts_epoch"], "tags": _tags_out(run["tags"]),
                "system_tags": _tags_out(run["system_tags"])}

    def _task_json(self, row, run):
        return {"flow_id": row["flow_id"], "run_number": self._run_display(run), "step_name": row["step_name"],
                "task_id": self._task_display(row), "user_name": row["user_name"], "ts_epoch": row["ts_epoch"],
                "tags": _tags_out(run["tags"]), "system_tags": _tags_out(run["system_tags"]),
                "last_heartbeat_ts": row["last_heartbeat_ts"]}

    def _artifact_json(self, row, run, task_display):
        return {"flow_id": row["flow_id"], "run_number": self._run_display(run), "step_name": row["step_name"],
                "task_id": task_display, "name": row["name"], "location": row["location"],
                "ds_type": row["ds_type"], "sha": row["sha"], "type": row["type"],
                "content_type": row["content_type"], "user_name": row["user_name"],
                "attempt_id": row["attempt_id"], "ts_epoch": row["ts_epoch"], "tags": _tags_out(run["tags"]),
                "system_tags": _tags_out(run["system_tags"])}

    def _metadatum_json(self, row, run, task_display):
        # Metadata rows keep their own tags and system_tags (null when the writer sent none).
        return {"id": row["id"], "flow_id": row["flow_id"], "run_number": self._run_display(run),
                "step_name": row["step_name"], "task_id": task_display, "field_name": row["field_name"],
                "value": row["value"], "type": row["type"], "user_name": row["user_name"],
                "ts_epoch": row["ts_epoch"], "tags": _tags_out(row["tags"]),
                "system_tags": _tags_out(row["system_tags"])}

    # --- lookups (R: digits = run_number, else run_id; T: digits = task_id, else task_name) ----

    def _run(self, flow, run):
        if run.isdigit():
            return self.db.execute("SELECT * FROM runs WHERE flow_id=? AND run_number=?", (flow, int(run))).fetchone()
        return self.db.execute("SELECT * FROM runs WHERE flow_id=? AND run_id=?", (flow, run)).fetchone()

    def _step(self, run_row, step):
        return self.db.execute("SELECT * FROM steps WHERE flow_id=? AND run_number=? AND step_name=?",
                               (run_row["flow_id"], run_row["run_number"], step)).fetchone()

    def _task(self, run_row, step, task):
        column = "task_id" if task.isdigit() else "task_name"
        key = int(task) if task.isdigit() else task
        return self.db.execute(
            "SELECT * FROM tasks WHERE flow_id=? AND run_number=? AND step_name=? AND %s=?" % column,
            (run_row["flow_id"], run_row["run_number"], step, key)).fetchone()

    def _task_names(self, run_row):
        """task_id → what the service shows as task_id, for the rows of one run."""
        rows = self.db.execute("SELECT task_id, task_name FROM tasks WHERE flow_id=? AND run_number=?",
                               (run_row["flow_id"], run_row["run_number"]))
        return {r["task_id"]: self._task_display(r) for r in rows}

    # --- reads -----------------------------------------------------------------------------------
    # List readers return (sort key, object) pairs; the sort key (ts_epoch, id) is what the
    # service's `main` branch orders and pages by (§7). Lists of a missing parent are empty.

    def flows(self):
        with self.lock:
            return [((r["ts_epoch"], r["flow_id"]), self._flow_json(r))
                    for r in self.db.execute("SELECT * FROM flows ORDER BY rowid")]

    def flow(self, flow):
        with self.lock:
            row = self.db.execute("SELECT * FROM flows WHERE flow_id=?", (flow,)).fetchone()
            return self._flow_json(row) if row else None

    def runs(self, flow):
        with self.lock:
            return [((r["ts_epoch"], r["run_number"]), self._run_json(r))
                    for r in self.db.execute("SELECT * FROM runs WHERE flow_id=? ORDER BY run_number", (flow,))]

    def run(self, flow, run):
        with self.lock:
            row = self._run(flow, run)
            return self._run_json(row) if row else None

    def steps(self, flow, run):
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return []
            rows = self.db.execute("SELECT * FROM steps WHERE flow_id=? AND run_number=? ORDER BY rowid",
                                   (flow, run_row["run_number"]))
            return [((r["ts_epoch"], r["step_name"]), self._step_json(r, run_row)) for r in rows]

    def step(self, flow, run, step):
        with self.lock:
            run_row = self._run(flow, run)
            row = self._step(run_row, step) if run_row else None
            return self._step_json(row, run_row) if row else None

    def tasks(self, flow, run, step):
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return []
            rows = self.db.execute(
                "SELECT * FROM tasks WHERE flow_id=? AND run_number=? AND step_name=? ORDER BY task_id",
                (flow, run_row["run_number"], step))
            return [((r["ts_epoch"], r["task_id"]), self._task_json(r, run_row)) for r in rows]

    def task(self, flow, run, step, task):
        with self.lock:
            run_row = self._run(flow, run)
            row = self._task(run_row, step, task) if run_row else None
            return self._task_json(row, run_row) if row else None

    def filtered_tasks(self, flow, run, step, field_name, pattern):
        """Pathspecs of the step's tasks that have metadata `field_name` whose value contains a
        match of `pattern` (the service uses PostgreSQL's unanchored regexp_match; Python's
        re.search agrees for the patterns Metaflow sends). No field name: every task."""
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return []
            tasks = self.db.execute(
                "SELECT * FROM tasks WHERE flow_id=? AND run_number=? AND step_name=? ORDER BY task_id",
                (flow, run_row["run_number"], step)).fetchall()
            regex = re.compile(pattern or "")
            out = []
            for t in tasks:
                if field_name:
                    values = [r["value"] for r in self.db.execute(
                        "SELECT value FROM metadata WHERE flow_id=? AND run_number=? AND task_id=? AND field_name=?",
                        (flow, run_row["run_number"], t["task_id"], field_name))]
                    if not any(v is not None and regex.search(v) for v in values):
                        continue
                out.append("%s/%s/%s/%s" % (flow, self._run_display(run_row), step, self._task_display(t)))
            return out

    def _artifact_rows(self, run_row, step=None, task_id=None, attempt=None):
        """Artifact rows of a run, a step or a task: of `attempt` if given, else of each task's
        latest attempt (the highest attempt_id that task has artifacts for)."""
        where = "a.flow_id=? AND a.run_number=?"
        args = [run_row["flow_id"], run_row["run_number"]]
        if step is not None:
            where += " AND a.step_name=?"
            args.append(step)
        if task_id is not None:
            where += " AND a.task_id=?"
            args.append(task_id)
        if attempt is not None:
            where += " AND a.attempt_id=?"
            args.append(attempt)
        else:
            where += (" AND a.attempt_id = (SELECT MAX(b.attempt_id) FROM artifacts b WHERE b.flow_id=a.flow_id"
                      " AND b.run_number=a.run_number AND b.step_name=a.step_name AND b.task_id=a.task_id)")
        return self.db.execute("SELECT rowid AS rid, * FROM artifacts a WHERE %s ORDER BY rowid" % where, args)

    def artifacts(self, flow, run, step=None, task=None, attempt=None):
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return []
            task_id = None
            if task is not None:
                task_row = self._task(run_row, step, task)
                if task_row is None:
                    return []
                task_id = task_row["task_id"]
            names = self._task_names(run_row)
            return [((r["ts_epoch"], r["rid"]), self._artifact_json(r, run_row, names.get(r["task_id"], r["task_id"])))
                    for r in self._artifact_rows(run_row, step, task_id, attempt)]

    def artifact(self, flow, run, step, task, name, attempt=None):
        """One artifact: of `attempt`, else of the highest attempt that has an artifact `name`."""
        with self.lock:
            run_row = self._run(flow, run)
            task_row = self._task(run_row, step, task) if run_row else None
            if task_row is None:
                return None
            sql = "SELECT * FROM artifacts WHERE flow_id=? AND run_number=? AND step_name=? AND task_id=? AND name=?"
            args = [flow, run_row["run_number"], step, task_row["task_id"], name]
            if attempt is not None:
                sql += " AND attempt_id=?"
                args.append(attempt)
            row = self.db.execute(sql + " ORDER BY attempt_id DESC LIMIT 1", args).fetchone()
            return self._artifact_json(row, run_row, self._task_display(task_row)) if row else None

    def metadata(self, flow, run, step=None, task=None):
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return []
            sql, args = "SELECT * FROM metadata WHERE flow_id=? AND run_number=?", [flow, run_row["run_number"]]
            if task is not None:
                task_row = self._task(run_row, step, task)
                if task_row is None:
                    return []
                sql += " AND task_id=?"
                args.append(task_row["task_id"])
            names = self._task_names(run_row)
            return [((r["ts_epoch"], r["id"]), self._metadatum_json(r, run_row, names.get(r["task_id"], r["task_id"])))
                    for r in self.db.execute(sql + " ORDER BY id", args)]

    # --- writes (§6.1, §8) -----------------------------------------------------------------------

    def create_flow(self, flow, body):
        with self.lock:
            try:
                self.db.execute("INSERT INTO flows VALUES (?,?,?,?,?)",
                                (flow, body.get("user_name"), body.get("ts_epoch") or now_ms(),
                                 _tags_in(body.get("tags")), _tags_in(body.get("system_tags"))))
            except sqlite3.IntegrityError:
                raise Conflict("flow %s exists" % flow)
            return self._flow_json(self.db.execute("SELECT * FROM flows WHERE flow_id=?", (flow,)).fetchone())

    def create_run(self, flow, body):
        run_id = body.get("run_number")
        if run_id is not None and not isinstance(run_id, str):
            # §4: the real service fails with 500 on a numeric run_number in the body.
            raise TypeError("run_number in the body must be a string id, not %r" % (run_id,))
        with self.lock:
            if self.db.execute("SELECT 1 FROM flows WHERE flow_id=?", (flow,)).fetchone() is None:
                raise MissingParent("flow %s does not exist" % flow)
            # Creation fills last_heartbeat_ts (§6.1); a body may say null (a run without heartbeats).
            heartbeat = body["last_heartbeat_ts"] if "last_heartbeat_ts" in body else int(time.time())
            try:
                cur = self.db.execute(
                    "INSERT INTO runs (flow_id, run_id, user_name, ts_epoch, last_heartbeat_ts, tags, system_tags)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (flow, run_id, body.get("user_name"), body.get("ts_epoch") or now_ms(), heartbeat,
                     _tags_in(body.get("tags") or []), _tags_in(body.get("system_tags") or [])))
            except sqlite3.IntegrityError:
                raise Conflict("run %s/%s exists" % (flow, run_id))
            row = self.db.execute("SELECT * FROM runs WHERE run_number=?", (cur.lastrowid,)).fetchone()
            return self._run_json(row)

    def create_step(self, flow, run, step, body):
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                raise MissingParent("run %s/%s does not exist" % (flow, run))
            try:
                self.db.execute("INSERT INTO steps VALUES (?,?,?,?,?,?,?)",
                                (flow, run_row["run_number"], step, body.get("user_name"),
                                 body.get("ts_epoch") or now_ms(), _tags_in(body.get("tags") or []),
                                 _tags_in(body.get("system_tags") or [])))
            except sqlite3.IntegrityError:
                raise Conflict("step %s/%s/%s exists" % (flow, run, step))
            return self._step_json(self._step(run_row, step), run_row)

    def create_task(self, flow, run, step, body):
        # A non-numeric task_id in the body names the task; a numeric one is not an id the
        # service would take from a client (ids come from its sequence), so it is ignored.
        name = body.get("task_id")
        if name is not None and (not isinstance(name, str) or name.isdigit()):
            name = None
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None or self._step(run_row, step) is None:
                raise MissingParent("step %s/%s/%s does not exist" % (flow, run, step))
            try:
                cur = self.db.execute(
                    "INSERT INTO tasks (flow_id, run_number, step_name, task_name, user_name, ts_epoch,"
                    " last_heartbeat_ts, tags, system_tags) VALUES (?,?,?,?,?,?,?,?,?)",
                    (flow, run_row["run_number"], step, name, body.get("user_name"), body.get("ts_epoch") or now_ms(),
                     int(time.time()), _tags_in(body.get("tags") or []), _tags_in(body.get("system_tags") or [])))
            except sqlite3.IntegrityError:
                raise Conflict("task %s/%s/%s/%s exists" % (flow, run, step, name))
            row = self.db.execute("SELECT * FROM tasks WHERE task_id=?", (cur.lastrowid,)).fetchone()
            return self._task_json(row, run_row)

    def _task_for_write(self, flow, run, step, task):
        run_row = self._run(flow, run)
        task_row = self._task(run_row, step, task) if run_row else None
        if task_row is None:
            raise MissingParent("task %s/%s/%s/%s does not exist" % (flow, run, step, task))
        return run_row, task_row

    def add_artifacts(self, flow, run, step, task, items):
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise BadRequest("the body must be a list of artifacts")
        with self.lock:
            run_row, task_row = self._task_for_write(flow, run, step, task)
            created = 0
            for a in items:
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO artifacts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (flow, run_row["run_number"], step, task_row["task_id"], a.get("name"), a.get("location"),
                     a.get("ds_type"), a.get("sha"), a.get("type"), a.get("content_type"), a.get("user_name"),
                     int(a.get("attempt_id") or 0), a.get("ts_epoch") or now_ms(), _tags_in(a.get("tags") or []),
                     _tags_in(a.get("system_tags") or [])))
                created += cur.rowcount
            return {"artifacts_created": created}

    def add_metadata(self, flow, run, step, task, items):
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise BadRequest("the body must be a list of metadata")
        with self.lock:
            run_row, task_row = self._task_for_write(flow, run, step, task)
            for m in items:
                self.db.execute(
                    "INSERT INTO metadata (flow_id, run_number, step_name, task_id, field_name, value, type,"
                    " user_name, ts_epoch, tags, system_tags) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (flow, run_row["run_number"], step, task_row["task_id"], m.get("field_name"),
                     _text_value(m.get("value")), m.get("type"), m.get("user_name"), m.get("ts_epoch") or now_ms(),
                     _tags_in(m.get("tags") if m.get("tags") is not None else []), _tags_in(m.get("system_tags"))))
            return {"metadata_created": len(items)}

    def heartbeat(self, flow, run, step=None, task=None):
        """True when the heartbeat was taken; False (→ 404) when the previous one is under 10 s
        old, as the real service does (§6.1), or when the object does not exist."""
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return False
            now = int(time.time())
            if task is None:
                row, table, key = run_row, "runs", ("run_number", run_row["run_number"])
            else:
                row = self._task(run_row, step, task)
                if row is None:
                    return False
                table, key = "tasks", ("task_id", row["task_id"])
            last = row["last_heartbeat_ts"]
            if last is not None and now - last < HEARTBEAT_MIN_INTERVAL_S:
                return False
            self.db.execute("UPDATE %s SET last_heartbeat_ts=? WHERE %s=?" % (table, key[0]), (now, key[1]))
            return True

    def mutate_tags(self, flow, run, body):
        """PATCH …/tag/mutate. Leaves ts_epoch alone: a tagged service run keeps its place (§17)."""
        if not isinstance(body, dict):
            raise BadRequest("the body must be an object with tags_to_add and tags_to_remove")
        to_add, to_remove = body.get("tags_to_add", []), body.get("tags_to_remove", [])
        for what, tags in (("tags_to_add", to_add), ("tags_to_remove", to_remove)):
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                raise BadRequest("%s must be a list of strings" % what)
        with self.lock:
            run_row = self._run(flow, run)
            if run_row is None:
                return None
            system = set(_tags_out(run_row["system_tags"]) or [])
            refused = sorted(set(to_remove) & system)
            if refused:
                raise Unprocessable("Cannot remove system tags: %s" % ", ".join(refused))
            tags = [t for t in (_tags_out(run_row["tags"]) or []) if t not in set(to_remove)]
            tags += [t for t in dict.fromkeys(to_add) if t not in tags]
            self.db.execute("UPDATE runs SET tags=? WHERE run_number=?", (_tags_in(tags), run_row["run_number"]))
            return {"tags": tags}
