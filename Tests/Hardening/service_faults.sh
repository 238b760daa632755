# The metadata service misbehaving (#13): down, hung, a 5xx then an answer, 401/403, a body that is
# not JSON, a truncated body. Each is a one-line error naming the request and what happened, a
# transient one is retried (METAFLOW_SERVICE_RETRY_COUNT tries), nothing half-read is kept (the next
# read after the fault gets the real answer), and the session goes on. The auth key never shows.
# Served by the project's stand-in (Tests/Service/standin.py) from a copy of the service fixture.
source "$TOP/Tests/Hardening/lib.sh"
fixture="$TOP/Tests/Fixtures/generated-service"
need python3
need curl
[ -f "$fixture/metadata.sqlite" ] || { echo "FAIL service_faults needs $fixture (run Scripts/make-service-fixtures)"; exit 1; }
svc="$WORK/svc"
mkdir -p "$svc"
cp "$fixture/metadata.sqlite" "$svc/"
"$TOP/Scripts/service" start "$svc" >/dev/null || { echo "FAIL the stand-in did not start"; exit 1; }
trap '"$TOP/Scripts/service" stop "$svc" >/dev/null 2>&1' EXIT
url=$(sed -n 's/^export METAFLOW_SERVICE_URL=//p' "$svc/env")
cd "$fixture"
export METAFLOW_DEFAULT_METADATA=service METAFLOW_SERVICE_URL="$url" USERNAME=alice
fault() { curl -s -X POST "$url/_standin/config" -d "{\"faults\": [$1]}" >/dev/null; }
clear_faults() { curl -s -X POST "$url/_standin/config" -d '{"faults": []}' >/dev/null; }
count_of() { curl -s "$url/_standin/stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['requests'].get(sys.argv[1], 0))" "$1"; }
reset_counts() { curl -s "$url/_standin/reset" >/dev/null; }
query='from metaflow import Flow, namespace
namespace(None)
print(Flow("TrainFlow").latest_run.id)'
expected=$("$MFSH" -c "$query" 2>&1)
check_grep "the stand-in answers" "^[0-9]+$" "$expected"

# A 500, then the answer: retried, same answer.
reset_counts
fault '{"kind": "status", "status": 500, "count": 1, "prefix": "/flows/TrainFlow/runs"}'
out=$("$MFSH" -c "$query" 2>&1)
check "one 500, then the answer: retried" "$expected" "$out"
check "  ... asked twice" "2" "$(count_of "GET /flows/TrainFlow/runs")"

# 5xx every time: gives up after the configured tries, names the code and the path.
reset_counts
fault '{"kind": "status", "status": 503, "prefix": "/flows/TrainFlow/runs"}'
out=$(METAFLOW_SERVICE_RETRY_COUNT=3 "$MFSH" -c "$query" 2>&1); rc=$?
check "503 every time: status 1" "1" "$rc"
check_grep "  ... names the path and the code" "ServiceException: Metadata request \(/flows/TrainFlow/runs\) failed \(code 503\)" "$out"
check "  ... tried METAFLOW_SERVICE_RETRY_COUNT times" "3" "$(count_of "GET /flows/TrainFlow/runs")"

# 401 and 403 are final: no retry, the code named; the auth key is not shown.
for code in 401 403; do
  reset_counts
  fault "{\"kind\": \"status\", \"status\": $code, \"prefix\": \"/flows\"}"
  out=$(METAFLOW_SERVICE_AUTH_KEY=sekrit-key-123 "$MFSH" -c "$query" 2>&1); rc=$?
  check "$code: status 1" "1" "$rc"
  check_grep "  ... names the code" "failed \(code $code\)" "$out"
  check "  ... asked once" "1" "$(count_of "GET /flows/TrainFlow")"
  check_no_grep "  ... the auth key never shows" "sekrit" "$out"
done

# A body that is not JSON: named, not kept; within the same session the next read gets the answer.
clear_faults
fault '{"kind": "malformed", "count": 1, "prefix": "/flows/TrainFlow/runs"}'
out=$("$MFSH" -c 'from metaflow import Flow, namespace
namespace(None)
try:
    Flow("TrainFlow").latest_run
except Exception as e:
    print(type(e).__name__, "|", str(e)[:200])
print(Flow("TrainFlow").latest_run.id)' 2>&1)
check_grep "malformed JSON: the error says so" "^ServiceException \| Metadata request \(/flows/TrainFlow/runs\) failed: the answer is not the JSON expected" "$out"
check_grep "  ... and the session goes on with the real answer" "^$expected$" "$out"

# A truncated body is transient: retried; every time: the error says it.
clear_faults
fault '{"kind": "truncate", "count": 1, "prefix": "/flows/TrainFlow/runs"}'
check "truncated once: retried" "$expected" "$("$MFSH" -c "$query" 2>&1)"
fault '{"kind": "truncate", "prefix": "/flows/TrainFlow/runs"}'
out=$(METAFLOW_SERVICE_RETRY_COUNT=2 "$MFSH" -c "$query" 2>&1)
check_grep "truncated every time: named" "connection closed before the whole answer arrived" "$out"

# Hung: the timeout ends it, and says so.
clear_faults
fault '{"kind": "hang", "seconds": 30, "prefix": "/flows/TrainFlow/runs"}'
start=$(date +%s)
out=$(METAFLOW_SERVICE_RETRY_COUNT=1 MFSH_SERVICE_TIMEOUT=1 "$MFSH" -c "$query" 2>&1); rc=$?
took=$(( $(date +%s) - start ))
check "hung service: status 1" "1" "$rc"
check_grep "  ... timed out, named" "/flows/TrainFlow/runs: timed out" "$out"
check "  ... within the timeout (took ${took}s)" "yes" "$([ "$took" -le 5 ] && echo yes || echo no)"

# Down: the URL named.
clear_faults
out=$(METAFLOW_SERVICE_URL=http://127.0.0.1:9 METAFLOW_SERVICE_RETRY_COUNT=2 "$MFSH" -c "$query" 2>&1); rc=$?
check "service down: status 1" "1" "$rc"
check_grep "  ... the URL and what happened" "http://127.0.0.1:9/flows/TrainFlow: connection refused" "$out"
out=$("$MFSH" -c 'from metaflow import metadata
try:
    metadata("http://127.0.0.1:9")
except Exception as e:
    print(type(e).__name__, "|", str(e)[:60])
print(metadata("'"$url"'"))' 2>&1)
check_grep "metadata(URL) of a dead service: Python's ValueError" "^ValueError \| Metaflow service \[http://127.0.0.1:9\] unreachable." "$out"
check_grep "  ... then a live one works" "^service@$url$" "$out"
finish
