#!/usr/bin/env bash
# D12-D14, history: ~/.mfsh_history is created with mode 0600 by the call that creates it (never
# created readable by others and chmod-ed afterwards), and lines holding credentials stay out of it.
# Drives the real REPL in a tmux pseudo-terminal, under strace to see how the file is created.
source "$(dirname "$0")/lib.sh"
need tmux strace
cd "$WORK"
T="tmux -L mfsh-hardening-$$"
trap '$T kill-server 2>/dev/null' EXIT
history="$HOME/.mfsh_history"

screen() { $T capture-pane -p -t t 2>/dev/null; }
wait_for() {  # text seconds
  local deadline=$(( $(date +%s) + ${2:-10} ))
  while [ "$(date +%s)" -le $deadline ]; do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  return 1
}
prompts() { screen | grep -cE '^(mfsh>|\.\.\. )'; }
line() {  # types a line and waits for the next prompt
  local before=$(prompts) deadline=$(( $(date +%s) + 10 ))
  $T send-keys -t t -l -- "$1"; $T send-keys -t t Enter
  while [ "$(prompts)" -le "$before" ] && [ "$(date +%s)" -le $deadline ]; do sleep 0.1; done
}
session() {  # runs the REPL under strace (umask 022, as a login shell has), types the lines given
  $T kill-server 2>/dev/null
  $T new-session -d -x 200 -y 50 -s t \
    "cd '$WORK' && umask 022 && env -i PATH=/usr/bin:/bin HOME='$HOME' TERM=screen LANG=C.UTF-8 USERNAME=alice TZ=UTC \
     strace -f -o '$WORK/trace' -e trace=open,openat,creat,chmod,fchmod,fchmodat '$MFSH' --no-prelude; echo '[exit status' \$?']'; sleep 60"
  wait_for 'mfsh>' 20 || { echo "FAIL: the REPL did not start"; screen; exit 1; }
  for l in "$@"; do line "$l"; done
  $T send-keys -t t C-d
  wait_for '[exit status 0]' 10 || { echo "FAIL: the REPL did not exit"; screen; }
}

# History entries (libedit strvis-encodes them: \040 for a space).
entries() { tail -n +2 "$history" | "$PY" -c '
import re, sys
for l in sys.stdin.read().splitlines():
    print(re.sub(r"\\([0-7]{3}|.)", lambda m: chr(int(m.group(1), 8)) if len(m.group(1)) == 3 else m.group(1), l))'; }

# Each line is harmless Python holding a credential in a string; the REPL evaluates it.
secrets=(
  'h = "Authorization: Bearer abc.def.ghi"'
  'h = {"X-Api-Key": "q1w2e3r4"}'
  'u = "https://alice:hunter2@example.com/repo.git"'
  'u = "https://bucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=3f2a9c"'
  'g = "ghp_0123456789abcdefghijABCDEFGHIJ012345"'
  'g = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"'
  'o = "sk-proj-0123456789abcdefghijklmnopqrstuvwxyz"'
  'a = "AKIAIOSFODNN7EXAMPLE"'
  'k = """-----BEGIN OPENSSH PRIVATE KEY-----'
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'
  'QyNTUxOQ'
  '-----END OPENSSH PRIVATE KEY-----"""'
)
kept=('print("kept before")' 'x = "ask-me about sklearn"' 'print("kept after")')
session "${kept[0]}" "${secrets[@]}" "${kept[1]}" "${kept[2]}"

check "history file mode" "600" "$(stat -c %a "$history")"
# The call that creates the file gives it 0600 itself: no O_CREAT with another mode, no chmod.
creates=$(grep -F '.mfsh_history' "$WORK/trace" | grep -E 'O_CREAT|creat\(' | head -1)
check_grep "the history file is created with mode 0600 (O_EXCL)" 'O_CREAT.*O_EXCL.*0600\)' "$creates"
check_no_grep "the history file is not chmod-ed after creation" 'chmod\(' "$(grep -F '.mfsh_history' "$WORK/trace")"
stored=$(entries)
check "lines without secrets are kept" "$(printf '%s\n' "${kept[@]}")" "$stored"
check_no_grep "no credential in the history" 'Bearer|q1w2e3r4|hunter2|3f2a9c|ghp_|github_pat_|sk-proj|AKIA|PRIVATE KEY|b3BlbnNz|QyNTUxOQ' "$stored"

finish
