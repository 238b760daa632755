# The service's answers kept on disk (#13): a finished run's steps, tasks, artifacts and metadata
# are kept across processes so a repeated query asks only for what can change; the tags another
# process changes in between still show; a run whose heartbeat is recent is never kept; a corrupt
# cache file is a miss, never a wrong answer or a crash; MFSH_SERVICE_CACHE=off keeps nothing;
# folders are 0700 and files 0600.
source "$TOP/Tests/Hardening/lib.sh"
fixture="$TOP/Tests/Fixtures/generated-service"
need python3
need curl
[ -f "$fixture/metadata.sqlite" ] || { echo "FAIL service_cache needs $fixture (run Scripts/make-service-fixtures)"; exit 1; }
svc="$WORK/svc"
mkdir -p "$svc"
cp "$fixture/metadata.sqlite" "$svc/"
# One run looks alive: its heartbeat is now.
python3 - "$svc/metadata.sqlite" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE runs SET last_heartbeat_ts = ? WHERE flow_id = 'TrainFlow'", (int(time.time()) + 3600,))
db.commit()
PY
"$TOP/Scripts/service" start "$svc" >/dev/null || { echo "FAIL the stand-in did not start"; exit 1; }
trap '"$TOP/Scripts/service" stop "$svc" >/dev/null 2>&1' EXIT
url=$(sed -n 's/^export METAFLOW_SERVICE_URL=//p' "$svc/env")
cd "$fixture"
export METAFLOW_DEFAULT_METADATA=service METAFLOW_SERVICE_URL="$url" USERNAME=alice
export XDG_CACHE_HOME="$WORK/cache"
total() { curl -s "$url/_standin/stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"; }
reset_counts() { curl -s "$url/_standin/reset" >/dev/null; }
query='from metaflow import Flow, Metaflow, namespace
namespace(None)
print([(f.id, f.latest_run.successful, f.latest_run.finished) for f in Metaflow().flows])
r = Flow("WideForeachFlow").latest_run
print(sum(t["accuracy"].data for t in r["train"]), sorted(r["end"].task.tags), r["end"].task.metadata_dict.get("attempt"))
print([t.finished for t in Flow("TrainFlow").latest_run["train"]])'

reset_counts
cold=$("$MFSH" -c "$query" 2>&1); cold_n=$(total)
reset_counts
warm=$("$MFSH" -c "$query" 2>&1); warm_n=$(total)
check "warm answer = cold answer" "$cold" "$warm"
check "  ... with fewer requests (cold $cold_n, warm $warm_n)" "yes" "$([ "$warm_n" -lt "$cold_n" ] && echo yes || echo no)"
# Warm, nothing below a finished quiet run is asked again: only the lists that can grow (flows,
# runs), flow records, and what lies under the live TrainFlow run and SlowFlow's unfinished one.
asked_again=$(curl -s "$url/_standin/stats" | python3 -c '
import json, re, sys
again = [key for key in json.load(sys.stdin)["requests"]
         if re.search(r"/runs/[^/]+/", key) and not re.search(r"/flows/(TrainFlow|SlowFlow)/", key)]
print("\n".join(sorted(again)[:5]))')
check "  ... and none below a finished quiet run" "" "$asked_again"
check "folders 0700, files 0600" "" "$(find "$WORK/cache" \( -type d ! -perm 700 \) -o \( -type f ! -perm 600 \) | head -3)"
check "a run whose heartbeat is recent is never kept" "0" \
  "$(grep -rl '/flows/TrainFlow/runs/' "$WORK/cache" --include=FINISHED | wc -l)"
check "  ... finished quiet runs are" "yes" "$([ "$(grep -rl '/flows/WideForeachFlow/runs/' "$WORK/cache" --include=FINISHED | wc -l)" -ge 1 ] && echo yes || echo no)"

# Another process changes the run's tags: the kept records show the new ones.
"$PY" -c 'from metaflow import Flow, namespace
namespace(None)
Flow("WideForeachFlow").latest_run.add_tag("kept-check")' >/dev/null 2>&1
out=$("$MFSH" -c 'from metaflow import Flow, namespace
namespace(None)
r = Flow("WideForeachFlow").latest_run
print("kept-check" in r["end"].task.tags, "kept-check" in list(r["train"])[5].tags, "kept-check" in r["train"].tags)' 2>&1)
check "tags changed elsewhere show on kept records" "True True True" "$out"

# Corrupt every kept answer: misses, same answer.
find "$WORK/cache" -type f ! -name FINISHED -exec sh -c 'printf "garbage" > "$1"' _ {} \;
"$PY" -c 'from metaflow import Flow, namespace
namespace(None)
Flow("WideForeachFlow").latest_run.remove_tag("kept-check")' >/dev/null 2>&1
check "corrupt cache files: the same answer" "$cold" "$("$MFSH" -c "$query" 2>&1)"

rm -rf "$WORK/cache"
MFSH_SERVICE_CACHE=off "$MFSH" -c "$query" >/dev/null 2>&1
check "MFSH_SERVICE_CACHE=off keeps nothing" "no" "$([ -e "$WORK/cache" ] && echo yes || echo no)"
finish
