# A FIFO planted where the datastore has a file (a run record, an artifact blob, a log) never
# blocks mfsh: listings skip the entry with a warning, reads of it fail naming the path. (Python's
# client waits forever on the first.) Each command runs under a 10 s timeout: 124 means it hung.
source "$TOP/Tests/Hardening/lib.sh"
need timeout mkfifo
ds=$(demo_copy)
cd "$ds"
count=$("$MFSH" -c 'print(len(list(Flow("TrainFlow"))))' 2>&1)
first=$("$MFSH" -c 'print(list(Flow("TrainFlow"))[-1].id)' 2>&1)
task=$("$MFSH" -c 'print(Flow("TrainFlow").latest_run["end"].task.pathspec)' 2>&1)
sha=$("$MFSH" -c 'print(Flow("TrainFlow").latest_run["end"].task["accuracy"].sha)' 2>&1)

rm ".metaflow/TrainFlow/$first/_meta/_self.json"; mkfifo ".metaflow/TrainFlow/$first/_meta/_self.json"
out=$(timeout 10 "$MFSH" -c 'print(len(list(Flow("TrainFlow"))))' 2>&1); rc=$?
check "a FIFO as a run record: the listing does not hang" "0" "$rc"
check_grep "  ... and skips that run with a warning naming it" "$first" "$out"
check "  ... listing the others" "$((count - 1))" "$(printf '%s\n' "$out" | tail -n 1)"

blob=".metaflow/TrainFlow/data/${sha:0:2}/$sha"
rm "$blob"; mkfifo "$blob"
out=$(timeout 10 "$MFSH" -c 'print(Flow("TrainFlow").latest_run["end"].task["accuracy"].data)' 2>&1); rc=$?
check "a FIFO as an artifact blob: the read does not hang" "1" "$rc"
check_grep "  ... and fails naming it" "OSError: '.*$sha' is not a regular file" "$out"

log=$(ls ".metaflow/$task/"*stdout.log | head -1)
rm "$log"; mkfifo "$log"
out=$(timeout 10 "$MFSH" -c 'print(repr(Flow("TrainFlow").latest_run["end"].task.stdout))' 2>&1); rc=$?
check "a FIFO as a log: reading stdout does not hang" "1" "$rc"
check_grep "  ... and fails naming it" "is not a regular file" "$out"
finish
