"""Request routing of the stand-in metadata service: path → Store call → Reply, with the real
service's envelope quirks (docs/metadata-service.md §3–§5, §7): JSON bodies sent as text/plain,
404 `{}` for a missing single object, `200 []` for a list under a missing parent, double-encoded
JSON strings for /healthcheck and heartbeats, the version header on (almost) every answer.
"""
import base64
import json
import re
import traceback
import zlib
from urllib.parse import unquote

from standin_store import BadRequest, Conflict, MissingParent, Unprocessable

SERVICE_VERSION = "2.5.1"
DEFAULT_PAGE, MAX_PAGE = 50, 500  # §7, `main` only


class Reply:
    def __init__(self, status, body, version_header=True, headers=None):
        self.status = status
        self.body = body if isinstance(body, bytes) else body.encode("utf-8")
        self.version_header = version_header
        self.headers = headers or {}


def json_reply(obj, status=200, version_header=True, headers=None):
    # json.dumps' default separators (", ", ": ") are what the real service's bodies use.
    return Reply(status, json.dumps(obj), version_header, headers)


def db_error(status, message, code):
    """What the real service's database layer answers: a JSON *string* holding an err_msg object."""
    return json_reply(json.dumps({"err_msg": {"pgerror": message, "pgcode": code}}), status)


class Request:
    """One request's parsed query (dict of lists) and JSON body: passed along, never stored on
    the shared Router, because the server answers requests on several threads."""

    def __init__(self, query, body):
        self.query = query
        self.body = body


NOT_FOUND = lambda: json_reply({}, 404)  # noqa: E731 — a fresh Reply each time


class Router:
    def __init__(self, store, paginate=False):
        self.store = store
        self.paginate = paginate  # behave like the service's unreleased `main` branch (§7)
        seg = r"([^/]+)"
        flow, run, step, task = ("/flows/" + seg, "/runs/" + seg, "/steps/" + seg, "/tasks/" + seg)
        s, t = flow + run + step, flow + run + step + task
        self.routes = [(method, re.compile("^" + pattern + "$"), handler) for method, pattern, handler in [
            ("GET", "/ping", self.ping),
            ("GET", "/version", lambda q: Reply(200, SERVICE_VERSION, version_header=False)),
            ("GET", "/healthcheck", lambda q: json_reply(json.dumps({"status": "UP"}))),
            ("GET", "/flows", lambda q: self.listing(q, self.store.flows())),
            ("GET", flow, lambda q, f: self.single(self.store.flow(f))),
            ("POST", flow, lambda q, f: self.create(q, self.store.create_flow, f)),
            ("POST", flow + "/run", lambda q, f: self.create(q, self.store.create_run, f)),
            ("GET", flow + "/runs", lambda q, f: self.listing(q, self.store.runs(f), runs=True)),
            ("GET", flow + run, lambda q, f, r: self.single(self.store.run(f, r))),
            ("POST", flow + run + "/heartbeat", lambda q, f, r: self.heartbeat(f, r)),
            ("PATCH", flow + run + "/tag/mutate", self.mutate_tags),
            ("GET", flow + run + "/steps", lambda q, f, r: self.listing(q, self.store.steps(f, r))),
            ("GET", flow + run + "/artifacts", lambda q, f, r: self.listing(q, self.store.artifacts(f, r))),
            ("GET", flow + run + "/metadata", lambda q, f, r: self.listing(q, self.store.metadata(f, r), meta=True)),
            ("GET", s, lambda q, f, r, st: self.single(self.store.step(f, r, st))),
            ("POST", s + "/step", lambda q, f, r, st: self.create(q, self.store.create_step, f, r, st)),
            ("GET", s + "/tasks", lambda q, f, r, st: self.listing(q, self.store.tasks(f, r, st))),
            ("GET", s + "/filtered_tasks", self.filtered_tasks),
            ("GET", s + "/artifacts", lambda q, f, r, st: self.listing(q, self.store.artifacts(f, r, st))),
            ("POST", s + "/task", lambda q, f, r, st: self.create(q, self.store.create_task, f, r, st)),
            ("GET", t, lambda q, f, r, st, tk: self.single(self.store.task(f, r, st, tk))),
            ("POST", t + "/heartbeat", lambda q, f, r, st, tk: self.heartbeat(f, r, st, tk)),
            ("GET", t + "/artifacts",
             lambda q, f, r, st, tk: self.listing(q, self.store.artifacts(f, r, st, tk))),
            # §4: the per-attempt list is the one answer without the version header.
            ("GET", t + "/attempt/([0-9]+)/artifacts",
             lambda q, f, r, st, tk, n: self.listing(q, self.store.artifacts(f, r, st, tk, int(n)),
                                                     version_header=False)),
            ("GET", t + "/artifacts/" + seg,
             lambda q, f, r, st, tk, name: self.single(self.store.artifact(f, r, st, tk, name))),
            ("GET", t + "/artifacts/" + seg + "/attempt/([0-9]+)",
             lambda q, f, r, st, tk, name, n: self.single(self.store.artifact(f, r, st, tk, name, int(n)))),
            ("POST", t + "/artifact", lambda q, f, r, st, tk: self.add(q, self.store.add_artifacts, f, r, st, tk)),
            ("GET", t + "/metadata",
             lambda q, f, r, st, tk: self.listing(q, self.store.metadata(f, r, st, tk), meta=True)),
            ("POST", t + "/metadata", lambda q, f, r, st, tk: self.add(q, self.store.add_metadata, f, r, st, tk)),
        ]]

    def route(self, method, path, query, body):
        """The Reply for one request. `query` is a dict of lists (urllib.parse.parse_qs)."""
        path = path.rstrip("/") or "/"
        path_matched = False
        for route_method, pattern, handler in self.routes:
            m = pattern.match(path)
            if not m:
                continue
            path_matched = True
            if route_method != method:
                continue
            args = [unquote(g) for g in m.groups()]
            try:
                request = Request(query, self._parse_body(body) if method in ("POST", "PATCH") else None)
                return handler(request, *args)
            except BadRequest as e:
                return json_reply(str(e), 400)
            except Exception as e:  # noqa: BLE001 — the real service answers any handler failure with 500
                return json_reply({"traceback": traceback.format_exc(), "detail": str(e), "status": 500,
                                   "title": "Internal Server Error", "type": "about:blank"}, 500)
        # What aiohttp answers when no route matches, or the method does not.
        if path_matched:
            return Reply(405, "405: Method Not Allowed", version_header=False)
        return Reply(404, "404: Not Found", version_header=False)

    @staticmethod
    def _parse_body(body):
        if not body:
            return {}
        try:
            return json.loads(body)
        except ValueError:
            raise BadRequest("the body is not JSON")

    # --- handlers ------------------------------------------------------------------------------

    def ping(self, request):
        return Reply(200, "pong")

    @staticmethod
    def single(obj):
        return NOT_FOUND() if obj is None else json_reply(obj)

    def create(self, request, creator, *path_args):
        if not isinstance(request.body, dict):
            raise BadRequest("the body must be a JSON object")
        try:
            return json_reply(creator(*path_args, request.body))
        except Conflict as e:
            return db_error(409, "duplicate key value violates unique constraint: %s" % e, "23505")
        except MissingParent as e:
            return db_error(500, "insert or update violates foreign key constraint: %s" % e, "23503")

    def add(self, request, adder, *path_args):
        try:
            return json_reply(adder(*path_args, request.body))
        except MissingParent as e:
            return db_error(500, "insert or update violates foreign key constraint: %s" % e, "23503")

    def heartbeat(self, *path_args):
        if not self.store.heartbeat(*path_args):
            return NOT_FOUND()
        return json_reply(json.dumps({"wait_time_in_seconds": 10}))

    def mutate_tags(self, request, flow, run):
        try:
            result = self.store.mutate_tags(flow, run, request.body)
        except Unprocessable as e:
            return json_reply(str(e), 422)
        return NOT_FOUND() if result is None else json_reply(result)

    def filtered_tasks(self, request, flow, run, step):
        query = request.query
        field = query.get("metadata_field_name", [""])[0]
        pattern = query.get("pattern", [""])[0]
        try:
            re.compile(pattern)
        except re.error as e:
            raise BadRequest("invalid regular expression: %s" % e)
        return json_reply(self.store.filtered_tasks(flow, run, step, field, pattern))

    # --- lists -------------------------------------------------------------------------------------

    def listing(self, request, keyed, runs=False, meta=False, version_header=True):
        """A list answer. The released service (the default here) has no ORDER BY and ignores
        _limit/_cursor/_tags; its order is whatever PostgreSQL returns, so the stand-in answers in
        a fixed scrambled order: a client that forgets to sort fails its tests here, not in
        production. With --paginate it behaves like `main`: metadata newest first, and cursor
        pages (ts_epoch DESC, id DESC) when _limit or _cursor is sent."""
        query = request.query
        if self.paginate and runs:
            keyed = self._filter_tags(query, keyed)
        paged = self.paginate and ("_limit" in query or "_cursor" in query or (runs and self._has_tag_filter(query)))
        if paged:
            return self._page(query, keyed, version_header)
        if self.paginate and meta:
            keyed = sorted(keyed, key=lambda kv: kv[0], reverse=True)
        else:
            keyed = sorted(keyed, key=lambda kv: zlib.crc32(repr(kv[0]).encode()))
        return json_reply([obj for _, obj in keyed], version_header=version_header)

    @staticmethod
    def _has_tag_filter(query):
        return any(k.startswith("_tags") for k in query)

    @staticmethod
    def _filter_tags(query, keyed):
        """`_tags=a,b` (all of them) and `_tags:any=a,b` on run lists (`main` only; the other
        filters of §7 are not implemented)."""
        def tags_of(obj):
            return set(obj.get("tags") or []) | set(obj.get("system_tags") or [])
        for key, values in query.items():
            wanted = {t for v in values for t in v.split(",") if t}
            if key == "_tags":
                keyed = [kv for kv in keyed if wanted <= tags_of(kv[1])]
            elif key == "_tags:any":
                keyed = [kv for kv in keyed if wanted & tags_of(kv[1])]
        return keyed

    def _page(self, query, keyed, version_header):
        try:
            limit = int(query.get("_limit", [DEFAULT_PAGE])[0])
        except ValueError:
            raise BadRequest("_limit must be a number")
        limit = max(1, min(limit, MAX_PAGE))
        rows = sorted(keyed, key=lambda kv: kv[0], reverse=True)
        if "_cursor" in query:
            try:
                cursor = json.loads(base64.b64decode(query["_cursor"][0]))
                after = (cursor["ts_epoch"], cursor["id"])
            except (ValueError, KeyError, TypeError):
                raise BadRequest("invalid _cursor")
            rows = [kv for kv in rows if kv[0] < after]
        page, more = rows[:limit], len(rows) > limit
        headers = {"X-Limit": str(limit)}
        if more and page:
            ts, ident = page[-1][0]
            headers["X-Next-Cursor"] = base64.b64encode(
                json.dumps({"ts_epoch": ts, "id": ident}).encode()).decode()
        return json_reply([obj for _, obj in page], version_header=version_header, headers=headers)
