#!/usr/bin/env bash
# Proof that the stand-in serves what Python's real Metaflow client needs, on fixtures written by
# real Metaflow through it:
#  1. every run of every fixture flow, walked by the Python client over the service (stand-in on a
#     copy of the generated database), prints the same as the same walk over the local fixture made
#     by the same flows (Tests/Service/client_dump.py: flows, runs, steps, tasks, artifact data,
#     metadata_dict, parent/child tasks, status, logs, code, trigger; ids and timestamps masked);
#  2. tag mutation through the service: add_tag/remove_tag seen by fresh objects and on the run's
#     tasks, the run keeps its place (ts_epoch unchanged, §17), removing a system tag is refused;
#  3. the requests the stand-in counted for the three Python queries of metadata-service.md §17,
#     beside the counts §17 reports for the real service.
#
#   Tests/Service/python_client_smoke.sh [SERVICE_FIXTURE [LOCAL_FIXTURE]]
#     defaults: Tests/Fixtures/generated-service (Scripts/make-service-fixtures) and
#               Tests/Fixtures/generated (Scripts/make-fixtures)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
service_fixture=$(realpath "${1:-$top/Tests/Fixtures/generated-service}")
local_fixture=$(realpath "${2:-$top/Tests/Fixtures/generated}")
[ -f "$service_fixture/metadata.sqlite" ] ||
  { echo "smoke: no $service_fixture/metadata.sqlite; run Scripts/make-service-fixtures first" >&2; exit 1; }
[ -d "$local_fixture/.metaflow" ] ||
  { echo "smoke: no $local_fixture/.metaflow; run Scripts/make-fixtures first" >&2; exit 1; }
py="$("$top/Scripts/venv")/bin/python"
work=$(mktemp -d "${TMPDIR:-/tmp}/mfsh-service-smoke.XXXXXX")
trap '"$top/Scripts/service" stop "$work/service" >/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/service" "$work/home"
# The stand-in serves a copy: the tag checks below must not change the fixture.
cp "$service_fixture/metadata.sqlite" "$work/service/"
"$top/Scripts/service" start "$work/service" >/dev/null
url=$(sed -n 's/^export METAFLOW_SERVICE_URL=//p' "$work/service/env")
failures=0

# client local|service [args...]: Python with only the settings of one provider; a fresh client
# cache each time, so every query is a cold one.
client() {
  local provider=$1 root
  shift
  local env_args=(PATH="$PATH" HOME="$work/home" USERNAME=alice LANG=C.UTF-8 TZ=UTC PYTHONHASHSEED=0
                  METAFLOW_CLIENT_CACHE_PATH="$(mktemp -d "$work/cache.XXXXXX")")
  if [ "$provider" = service ]; then
    root=$service_fixture
    env_args+=(METAFLOW_DEFAULT_METADATA=service METAFLOW_SERVICE_URL="$url")
  else
    root=$local_fixture
    env_args+=(METAFLOW_DEFAULT_METADATA=local)
  fi
  (cd "$work" && env -i "${env_args[@]}" METAFLOW_DATASTORE_SYSROOT_LOCAL="$root" "$py" "$@")
}

fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# --- 1. the same walk over both providers -------------------------------------------------------
local_flows=$(client local -c 'from metaflow import Metaflow, namespace
namespace(None); print(" ".join(sorted(f.id for f in Metaflow().flows)))')
service_flows=$(client service -c 'from metaflow import Metaflow, namespace
namespace(None); print(" ".join(sorted(f.id for f in Metaflow().flows)))')
# The service fixture has one flow more: the 200-way foreach for the counts of part 3.
if [ "$service_flows" = "$(echo $local_flows WideForeachFlow | tr ' ' '\n' | sort | xargs)" ]; then
  echo "ok   Metaflow().flows over the service: $service_flows"
else
  fail "flows over the service: '$service_flows'; local: '$local_flows' (+ WideForeachFlow)"
fi
# shellcheck disable=SC2086 — the flow names are words
client local "$top/Tests/Service/client_dump.py" "$local_fixture" $local_flows >"$work/local.txt" 2>"$work/local.err" ||
  { cat "$work/local.err"; fail "the walk over the local fixture failed"; }
# shellcheck disable=SC2086
client service "$top/Tests/Service/client_dump.py" "$service_fixture" $local_flows >"$work/service.txt" 2>"$work/service.err" ||
  { cat "$work/service.err"; fail "the walk over the service failed"; }
walk_requests=$(curl -sf "$url/_standin/stats" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["total"])')
if diff -u "$work/local.txt" "$work/service.txt" >"$work/walk.diff"; then
  echo "ok   the walk of $(grep -c '^ run #' "$work/service.txt") runs, $(grep -c '^    task ' "$work/service.txt" || true) tasks prints the same over the service as locally ($(wc -l <"$work/service.txt") lines, $walk_requests requests)"
else
  fail "the walk differs between local and service:"; head -n 60 "$work/walk.diff"
fi

# --- 2. tag mutation through the service -----------------------------------------------------------
if client service - <<'PY'
from metaflow import Flow, Run, namespace
from metaflow.exception import MetaflowException
namespace(None)
latest = Flow("TrainFlow").latest_run
oldest = list(Flow("TrainFlow"))[-1]
problems = []
oldest.add_tag("smoke-tag")
fresh = Run(oldest.pathspec)
if "smoke-tag" not in fresh.tags or "smoke-tag" not in fresh["end"].task.tags:
    problems.append("add_tag: the tag is not on a fresh Run and its tasks: %s" % sorted(fresh.tags))
if Flow("TrainFlow").latest_run.pathspec != latest.pathspec:
    problems.append("add_tag moved the run: ts_epoch must not change on the service (§17)")
oldest.remove_tag("smoke-tag")
if "smoke-tag" in Run(oldest.pathspec).tags:
    problems.append("remove_tag: the tag is still there")
try:
    oldest.remove_tag("user:alice")
    problems.append("removing the system tag user:alice was accepted")
except MetaflowException as e:
    if "user:alice" not in str(e) and "system" not in str(e):
        problems.append("removing a system tag failed with an unexpected message: %s" % e)
print("\n".join(problems))
raise SystemExit(1 if problems else 0)
PY
then echo "ok   add_tag/remove_tag over the service (visible to fresh objects and tasks, run keeps its place, system tag refused)"
else fail "tag mutation over the service"; fi

# --- 3. request counts of the §17 queries ----------------------------------------------------------
# Each in a fresh Python process with a cold client cache, default namespace (user:alice).
# §17 gives the counts but not the code of its queries; these are the natural formulations. The
# third cannot reach §17's ≈9 requests per task: client 2.19.39 makes one request per property
# (core.py: metadata_dict → …/metadata, successful → …/artifacts/_success, finished → _task_ok,
# index → _foreach_stack, t['x'] → …/artifacts/x), so §17's query must have built more objects.
queries=(
  "one artifact of the latest run|6|from metaflow import Flow
print(Flow('WideForeachFlow').latest_run['end'].task.data.accuracy)"
  "one artifact of each of 200 foreach tasks|205|from metaflow import Flow
print(sum(t['accuracy'].data for t in Flow('WideForeachFlow').latest_run['train']))"
  "metadata_dict, successful, finished, index, one artifact: 200 tasks|1829|from metaflow import Flow
n = 0
for t in Flow('WideForeachFlow').latest_run['train']:
    t.metadata_dict; t.successful; t.finished; t.index; t['accuracy'].data; n += 1
print(n)"
)
printf '\n%-68s %9s %11s\n' "query (Python client 2.19.39, fresh process)" "stand-in" "real (§17)"
breakdowns=""
for q in "${queries[@]}"; do
  label=${q%%|*}; rest=${q#*|}; real=${rest%%|*}; code=${rest#*|}
  curl -sf "$url/_standin/reset" >/dev/null
  answer=$(client service -c "$code") || { fail "query '$label' failed"; continue; }
  stats=$(curl -sf "$url/_standin/stats")
  counted=$(printf '%s' "$stats" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  verdict=$([ "$counted" = "$real" ] && echo same || echo DIFFERENT)
  printf '%-68s %9s %11s  %s (answer %s)\n' "$label" "$counted" "$real" "$verdict" "$answer"
  # Requests per endpoint, ids folded to N, to see where a difference comes from.
  breakdowns+="$label:"$'\n'$(printf '%s' "$stats" | "$py" -c '
import collections, json, re, sys
per = collections.Counter()
for key, n in json.load(sys.stdin)["requests"].items():
    per[re.sub(r"/[0-9]+(?=/|$)", "/N", key)] += n
for key, n in sorted(per.items(), key=lambda kv: -kv[1]):
    print("  %6d  %s" % (n, key))')$'\n'
  [ "$counted" -gt 0 ] || fail "the stand-in counted no request for '$label'"
done
printf '\nrequests per endpoint:\n%s' "$breakdowns"

[ $failures -eq 0 ] && echo "python_client_smoke: ok" || echo "python_client_smoke: $failures failed"
[ $failures -eq 0 ]
