# D10: Ctrl-C (SIGINT) stops time.sleep at once, in scripts, -c code and the REPL, with CPython's
# traceback and exit status (130: killed by SIGINT). Each case runs CPython the same way as the oracle.
source "$TOP/Tests/Hardening/lib.sh"
need timeout tmux
cd "$WORK"

# Runs a command under `timeout -s INT 1` (its own exit status kept); sets rc, err (stderr) and secs.
interrupted() {
  local start=$(date +%s%N)
  timeout --preserve-status -k 5 -s INT 1 "$@" >"$WORK/out" 2>"$WORK/err"; rc=$?
  secs=$(( ($(date +%s%N) - start) / 1000000000 ))
  err=$(cat "$WORK/err")
}

interrupted "$PY" -c 'import time; time.sleep(30)'; want_rc=$rc; want_err=$err
interrupted "$MFSH" -c 'import time; time.sleep(30)'
check "sleep in -c: stopped within a second of SIGINT" yes "$([ $secs -le 3 ] && echo yes || echo "no (${secs}s)")"
check "sleep in -c: exit status as CPython" "$want_rc" "$rc"
# (CPython shows no source lines for -c code; mfsh does, for every error: compare the last line.)
check "sleep in -c: ends in KeyboardInterrupt as CPython" "$(tail -1 <<<"$want_err")" "$(tail -1 <<<"$err")"

printf 'import time\nprint("start", flush=True)\nfor i in range(3):\n    time.sleep(20)\n' > script.py
interrupted "$PY" "$WORK/script.py"; want_rc=$rc; want_err=$err
interrupted "$MFSH" "$WORK/script.py"
check "sleep in a script: stopped within a second" yes "$([ $secs -le 3 ] && echo yes || echo "no (${secs}s)")"
check "sleep in a script: exit status as CPython" "$want_rc" "$rc"
check "sleep in a script: traceback as CPython" "$want_err" "$err"
check "sleep in a script: output before the interrupt" "start" "$(cat "$WORK/out")"

# A sleep of 285 years does sleep (no overflow to "already past"), until Ctrl-C.
interrupted "$PY" -c 'import time; time.sleep(9e9); print("returned")'; want="$rc $(cat "$WORK/out")"
interrupted "$MFSH" -c 'import time; time.sleep(9e9); print("returned")'
check "time.sleep(9e9) sleeps until interrupted, as CPython" "$want" "$rc $(cat "$WORK/out")"

# Caught: the handler runs, and the script goes on.
printf 'import time\ntry:\n    time.sleep(20)\nexcept KeyboardInterrupt:\n    print("caught")\nprint("after")\n' > caught.py
interrupted "$MFSH" caught.py
check "KeyboardInterrupt from sleep can be caught" "caught
after" "$(cat "$WORK/out")"
check "caught: exit status 0" 0 "$rc"

# A sleep inside a generator body runs on another thread: still stopped.
printf 'import time\ndef g():\n    time.sleep(20)\n    yield 1\nprint(list(g()))\n' > gen.py
interrupted "$MFSH" gen.py
check "sleep in a generator: stopped within a second" yes "$([ $secs -le 3 ] && echo yes || echo "no (${secs}s)")"
check_grep "sleep in a generator: KeyboardInterrupt" 'KeyboardInterrupt$' "$err"

# Uncaught `raise KeyboardInterrupt`: status as CPython's.
"$PY" -c 'raise KeyboardInterrupt' 2>/dev/null; want_rc=$?
"$MFSH" -c 'raise KeyboardInterrupt' 2>/dev/null; rc=$?
check "raise KeyboardInterrupt: exit status as CPython" "$want_rc" "$rc"
"$MFSH" -c 'raise SystemExit(130)' 2>/dev/null; rc=$?
check "SystemExit(130) is a plain exit status" 130 "$rc"

# The REPL: Ctrl-C during time.sleep shows KeyboardInterrupt and a new prompt at once.
T="tmux -L mfsh-hardening-$$"
$T new-session -d -x 100 -y 30 -s t "env HOME='$HOME' TERM=screen LANG=C.UTF-8 '$MFSH' --no-prelude; sleep 30"
wait_screen() {  # text seconds
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -le $deadline ]; do
    $T capture-pane -p -t t | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
wait_screen 'mfsh>' 10
$T send-keys -t t 'import time; time.sleep(30); print("fin" + "ished")' Enter
sleep 0.5
$T send-keys -t t C-c
wait_screen KeyboardInterrupt 3 && got=shown || got=missing
check "REPL: Ctrl-C during sleep raises KeyboardInterrupt" shown "$got"
$T send-keys -t t 'print(6 * 7)' Enter
wait_screen 42 3 && got=yes || got=no
check "REPL: usable after the interrupt" yes "$got"
check_no_grep "REPL: the sleep did not finish" '^finished' "$($T capture-pane -p -t t)"
$T kill-server 2>/dev/null

finish
