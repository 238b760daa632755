#!/usr/bin/env bash
# D4: lost output must not look like success. A failed write of stdout (a full disk, /dev/full, a
# reader that went away) is reported on stderr with a non-zero status, as CPython does; closed
# fds 0-2 at start are reopened on /dev/null so a later open() never becomes stdout or stdin.
# CPython (block-buffered, as for any redirected stdout) is the oracle for statuses and messages.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
cpython() { env -u PYTHONUNBUFFERED "$PY" "$@"; }

# run WHO CODE REDIRECT-TARGET: status and stderr of `WHO -c CODE > TARGET`.
run_to() {
  local who=$1 code=$2 target=$3
  if [ "$who" = py ]; then cpython -c "$code" > "$target" 2> err; else "$MFSH" -c "$code" > "$target" 2> err; fi
  echo "rc=$? $(cat err)"
}

# The whole output fits the buffer: the failure shows at exit ("Exception ignored", 120).
small='print(1)'
check "/dev/full, write at exit: status and message" "$(run_to py "$small" /dev/full)" "$(run_to mfsh "$small" /dev/full)"

# The buffer fills while the program runs: print raises OSError (uncaught: status 1).
big='for i in range(100000): print(i)'
py=$(run_to py "$big" /dev/full); mf=$(run_to mfsh "$big" /dev/full)
check "/dev/full, write while running: status and last line" "${py%%$'\n'*} ${py##*$'\n'}" "${mf%%$'\n'*} ${mf##*$'\n'}"

# The OSError can be caught, as in Python.
catch='import sys
try:
    print("x" * 100000)
except OSError as e:
    print(type(e).__name__, e, file=sys.stderr)'
check "/dev/full, OSError is catchable" "$(run_to py "$catch" /dev/full)" "$(run_to mfsh "$catch" /dev/full)"

# --json writes its answer after the code ran: a failure there is an error too.
"$MFSH" --json -c '[1, 2, 3]' > /dev/full 2> json_err; rc=$?
check "--json to /dev/full: status of a failed write at exit" "$(run_to py "$small" /dev/full | head -c 6)" "rc=$rc"
check_grep "--json to /dev/full: the error on stderr" "No space left on device" "$(cat json_err)"

# A reader that stops early: BrokenPipeError while running, as CPython (which ignores SIGPIPE).
pipe_run() {
  if [ "$1" = py ]; then cpython -c "$2" 2> err | "${@:3}"; else "$MFSH" -c "$2" 2> err | "${@:3}"; fi
  echo "rc=${PIPESTATUS[0]} $(tail -1 err)"
}
check "pipe closed early (head -1): status and last line" "$(pipe_run py "$big" head -1)" "$(pipe_run mfsh "$big" head -1)"
late='import time
time.sleep(0.5)
print(1)'
check "pipe closed before the final write: status and message" "$(pipe_run py "$late" true)" "$(pipe_run mfsh "$late" true)"

# A full filesystem mid-output: a 64 KiB tmpfs. Mounting needs privileges a container may not
# give; then this says so, and the ulimit -f case below covers a full disk the same way.
mkdir -p small
if mount -t tmpfs -o size=64k tmpfs small 2>/dev/null; then
  trap 'umount "$WORK/small"' EXIT
  py=$(run_to py "$big" small/out); rm -f small/out
  mf=$(run_to mfsh "$big" small/out)
  check "full tmpfs: status and last line" "${py%%$'\n'*} ${py##*$'\n'}" "${mf%%$'\n'*} ${mf##*$'\n'}"
else
  echo "note: full tmpfs case not run: mounting a tmpfs is not permitted here (uid $(id -u))"
fi

# A file-size limit (EFBIG; CPython ignores SIGXFSZ): a full disk that needs no root.
py=$( (ulimit -f 64; run_to py "$big" fsize.out) ); rm -f fsize.out
mf=$( (ulimit -f 64; run_to mfsh "$big" fsize.out) )
check "ulimit -f: status and last line" "${py%%$'\n'*} ${py##*$'\n'}" "${mf%%$'\n'*} ${mf##*$'\n'}"

# Closed fds at start: the first open() must not become stdout, stdin or stderr.
rm -f out.txt
"$MFSH" -c 'f = open("out.txt", "w"); print("printed", flush=True); f.write("written"); f.close()' >&- 2> err; rc=$?
check "stdout closed: print output does not land in an opened file" "rc=0 written" "rc=$rc $(cat out.txt)"
rm -f out.txt
"$MFSH" -c 'f = open("out.txt", "w"); f.write("written"); f.flush(); raise ValueError("boom")' 2>&-; rc=$?
check "stderr closed: the traceback does not land in an opened file" "rc=1 written" "rc=$rc $(cat out.txt)"
echo 'print("INJECTED")' > commands.txt
echo 'f = open("commands.txt")' > keep_open.mfs
out=$("$MFSH" -i keep_open.mfs <&- 2>&1); rc=$?
check "stdin closed: -i does not read an opened file as commands" "rc=0 " "rc=$rc $(printf '%s' "$out" | grep INJECTED)"

finish
