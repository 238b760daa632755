# D1: objects taken while a run is in progress see it finish. A real SlowFlow run (its `slow` step
# sleeps a few seconds) is read by the same script under Python's client and under mfsh, both
# started once `slow` has begun; each holds the Run and the running Task, polls until the run is
# finished, then prints what it sees. The outputs must match byte for byte.
source "$TOP/Tests/Hardening/lib.sh"
need timeout
mkdir -p "$WORK/flows" "$WORK/live" "$WORK/cache"
cp "$TOP/Tests/Fixtures/flows/slow_flow.py" "$WORK/flows/"
export METAFLOW_DATASTORE_SYSROOT_LOCAL="$WORK/live" METAFLOW_CLIENT_CACHE_PATH="$WORK/cache"
(cd "$WORK/flows" && SLOWFLOW_STARTED="$WORK/started" PYTHONDONTWRITEBYTECODE=1 \
  timeout 120 "$PY" slow_flow.py --no-pylint run --seconds 8 >"$WORK/flow.log" 2>&1) &
flow_pid=$!
for _ in $(seq 300); do [ -e "$WORK/started" ] && break; sleep 0.1; done
[ -e "$WORK/started" ] || { echo "FAIL: SlowFlow's step slow did not begin within 30 s"; tail "$WORK/flow.log"; exit 1; }

cat > "$WORK/poll.py" <<'PY'
import time
from metaflow import Flow
r = Flow("SlowFlow").latest_run
t = r["slow"].task
print("while running:", r.finished, r.successful, r.finished_at, r.data, t.finished, t.successful, t.finished_at)
print("artifact while running:", "planned_seconds" in t, hasattr(t.data, "planned_seconds"))
for _ in range(600):
    if r.finished:
        break
    time.sleep(0.1)
print("finished:", r.finished, r.successful, r.finished_at is not None, r.data.planned_seconds)
print("held task:", t.finished, t.successful, t.finished_at is not None, t.data.planned_seconds, t["planned_seconds"].data)
print("end step:", [s.id for s in r], r.end_task is not None, r.end_task.finished)
PY
(cd "$WORK" && timeout 90 "$PY" poll.py >"$WORK/python.out" 2>&1) &
py_pid=$!
(cd "$WORK" && timeout 90 "$MFSH" poll.py >"$WORK/mfsh.out" 2>&1) &
mfsh_pid=$!
wait $py_pid; wait $mfsh_pid; wait $flow_pid
check_grep "the run finished while polled (oracle)" "^finished: True True True 8" "$(cat "$WORK/python.out")"
check "mfsh sees what Python's client sees, before and after" "$(cat "$WORK/python.out")" "$(cat "$WORK/mfsh.out")"
finish
