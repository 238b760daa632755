#!/usr/bin/env bash
# D11: one bad entry (a symlink loop, a folder of mode 000, an unreadable `_self.json`, a link
# showing another object's record) must not disable its whole flow or step, nor be listed as
# something it is not. Listings skip it, as Python's client does, with one warning on
# stderr naming the path that cannot be reached; asking for the entry itself raises, naming it.
#
# Each case corrupts a scratch copy of the demo datastore and runs the same script with mfsh and
# with the Python client. Where Python raises for a bad entry too (an unreadable `_self.json`),
# the oracle is Python on a copy without that entry. Permission cases run as an unprivileged user
# (root ignores mode 000).
source "$(dirname "$0")/lib.sh"

flow=ScalarsFlow
alice_run=1795801568633363   # ScalarsFlow, user alice
bob_run=1795801602199566     # ScalarsFlow, user bob (newer)
foreach=NestedForeachFlow/1795801573907194
inner=$foreach/inner_step    # tasks 4..9

# Who reads the corrupted copies: an unprivileged user when running as root.
if [ "$(id -u)" = 0 ]; then
  need setpriv
  reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  reader=()
fi
chmod 755 "$WORK"
mkdir -p "$WORK/reader-home" && chmod 777 "$WORK/reader-home"
as_reader() { HOME="$WORK/reader-home" METAFLOW_CLIENT_CACHE_PATH="$WORK/reader-home/cache" "${reader[@]}" "$@"; }

# A copy of the demo datastore whose recorded root (ds-root metadata, artifact locations) is where
# each case's copy will be, so that the Python client reads the copy's data and logs, not the
# original's. Cases get hard-linked copies of it (the cases change folders and links, not files).
ds="$WORK/ds/.metaflow"
pristine="$WORK/pristine"
mkdir -p "$pristine"; mv "$(demo_copy)/.metaflow" "$pristine/.metaflow"
recorded=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["value"])' \
  "$(ls "$pristine/.metaflow/$flow/$alice_run/start/1/_meta/"sysmeta_ds-root_*.json | head -1)")
grep -rlF "$recorded" "$pristine" | xargs sed -i "s|$recorded|$ds|g"
chmod -R a+rX "$pristine"
fresh() {
  rm -rf "$WORK/reader-home/cache"  # Python's blob cache: each case reads its own copy
  chmod -R u+rwX "$WORK/ds" 2>/dev/null; rm -rf "$WORK/ds"
  mkdir "$WORK/ds" && cp -al "$pristine/.metaflow" "$ds"
}

# Denies `path` to the reader (a file gets an inode of its own first: the copies share them), and
# fails the file when that does not really deny it.
deny() {
  if [ -f "$1" ]; then cp --remove-destination "$1" "$1.own" && mv "$1.own" "$1"; fi
  chmod 000 "$1"
  if as_reader cat "$1" >/dev/null 2>&1 || { [ -d "$1" ] && as_reader ls "$1" >/dev/null 2>&1; }; then
    echo "FAIL: mode 000 does not deny '$1' to the reader (${reader[*]:-$(id -un)}); permission cases cannot be tested"
    exit 1
  fi
}

# Runs a script with both clients from the datastore's folder: stdout in $mf / $py, mfsh's
# stderr in $mf_err.
both() {  # script [datastore for Python, default: the same]
  local py_ds=${2:-$ds}
  mf=$(cd "$ds/.." && as_reader "$MFSH" "$1" 2>"$WORK/mf.err"); mf_err=$(cat "$WORK/mf.err")
  py=$(cd "$py_ds/.." && as_reader "$PY" "$1" 2>"$WORK/py.err")
  [ -n "$py" ] || { echo "FAIL: the Python client printed nothing for $(basename "$1"):"; cat "$WORK/py.err"; exit 1; }
}

mf_only() { mf=$(cd "$ds/.." && as_reader "$MFSH" "$1" 2>"$WORK/mf.err"); mf_err=$(cat "$WORK/mf.err"); }

re() { printf '%s' "$1" | sed 's/[][\.*^$(){}?+|/]/\\&/g'; }

# How many stderr lines warn about `path` being skipped for `reason`.
warnings() { printf '%s\n' "$mf_err" | grep -cF "warning: skipped '$1': $2"; }

script() { cat > "$WORK/$1.py"; echo "$WORK/$1.py"; }

# A script printing, for each expression, its value or the exception it raises ("Type message").
asking() {  # name expression...
  local name=$1; shift
  { echo "from metaflow import Flow, Run, Step, Task, namespace"; echo "namespace(None)"
    for e in "$@"; do printf 'try:\n    print(%s)\nexcept Exception as e:\n    print(type(e).__name__, e)\n' "$e"; done
  } > "$WORK/$name.py"
  echo "$WORK/$name.py"
}

# --- symlink loops in a flow folder and in the root (no user switch needed)
fresh
ln -s loop "$ds/$flow/loop"; ln -s b "$ds/$flow/a"; ln -s a "$ds/$flow/b"; ln -s loop "$ds/loop"
# Enough of them that the listing reads its entries on several threads.
for i in $(seq 30); do ln -s "many$i" "$ds/$flow/many$i"; done
s=$(script loops <<'EOF'
from metaflow import Flow, Metaflow, namespace
print(Flow('ScalarsFlow'), Flow('ScalarsFlow').latest_run)
print(sorted(f.id for f in Metaflow().flows))
namespace(None)
print([r.id for r in Flow('ScalarsFlow')], Flow('ScalarsFlow').latest_run)
print([r.id for r in Flow('ScalarsFlow')])
EOF
)
both "$s"
check "symlink loops in a flow: listings as Python's" "$py" "$mf"
check "a looping link is named once, with the reason" 1 "$(warnings "$ds/$flow/loop" "Too many levels of symbolic links")"
check "each link of a two-link loop is named" 2 "$(( $(warnings "$ds/$flow/a" "Too many levels of symbolic links") + $(warnings "$ds/$flow/b" "Too many levels of symbolic links") ))"
check "a looping link in the root is named once" 1 "$(warnings "$ds/loop" "Too many levels of symbolic links")"
s=$(asking loop_asked "Run('$flow/loop')" "Flow('$flow')['loop']" "'loop' in Flow('$flow')")
mf_only "$s"
want="OSError \[Errno 40\] Too many levels of symbolic links: '$(re "$ds/$flow/loop")'"
check "Run('F/loop'), flow['loop'], 'loop' in flow all raise" 3 "$(printf '%s\n' "$mf" | grep -c "^$want\$")"

# --- a run folder of mode 000
fresh
deny "$ds/$flow/$bob_run"
s=$(script run_denied <<'EOF'
from metaflow import Flow, namespace
print(Flow('ScalarsFlow'), Flow('ScalarsFlow').latest_run)
namespace(None)
print([r.id for r in Flow('ScalarsFlow')], Flow('ScalarsFlow').latest_run)
print(Flow('ScalarsFlow').latest_run['end'].task.data.an_int)
EOF
)
both "$s"
check "an unreadable run: listings as Python's" "$py" "$mf"
check "the unreadable run folder is named once" 1 "$(warnings "$ds/$flow/$bob_run" "Permission denied")"
s=$(asking run_asked "Run('$flow/$bob_run')" "Flow('$flow')['$bob_run']" "'$bob_run' in Flow('$flow')")
mf_only "$s"
want="PermissionError \[Errno 13\] Permission denied: '$(re "$ds/$flow/$bob_run")'"
check "Run, flow[id] and 'id in flow' on an unreadable run raise, naming its folder" 3 "$(printf '%s\n' "$mf" | grep -c "^$want\$")"

# --- the flow's data/ folder of mode 000
fresh
deny "$ds/$flow/data"
s=$(script data_denied <<'EOF'
from metaflow import Flow, namespace
print(Flow('ScalarsFlow').latest_run)
namespace(None)
print([r.id for r in Flow('ScalarsFlow')], Flow('ScalarsFlow').latest_run)
EOF
)
both "$s"
check "an unreadable data/ folder: listings as Python's" "$py" "$mf"
s=$(asking data_asked "Flow('$flow').latest_run['end'].task.data.an_int")
mf_only "$s"
check "loading an artifact from an unreadable data/ names the folder" \
  "PermissionError [Errno 13] Permission denied: '$ds/$flow/data'" "$mf"

# --- a task folder of mode 000
fresh
deny "$ds/$inner/6"
s=$(script task_denied <<EOF
from metaflow import Step, Run, namespace
print([t.id for t in Step('$inner')], Step('$inner').task.id)
print(sorted(t.id for t in Run('$foreach')['inner_join'].task.parent_tasks))
namespace(None)
print([t.id for t in Run('$foreach')['inner_step']])
EOF
)
both "$s"
check "an unreadable task: listings as Python's" "$py" "$mf"
check "the unreadable task folder is named once" 1 "$(warnings "$ds/$inner/6" "Permission denied")"
s=$(asking task_asked "Task('$inner/6')")
mf_only "$s"
check "Task() on an unreadable task raises, naming its folder" \
  "PermissionError [Errno 13] Permission denied: '$ds/$inner/6'" "$mf"

# Where Python's listing raises for a bad task too, the oracle is Python on a copy without that
# task: the same script lists the inner step with both clients.
compare_without_task() {  # task-id check-name
  rm -rf "$WORK/without"; mkdir "$WORK/without" && cp -al "$pristine/.metaflow" "$WORK/without/.metaflow"
  rm -rf "$WORK/without/.metaflow/$inner/$1"
  local s
  s=$(asking "without_$1" "[t.id for t in Step('$inner')]" "Step('$inner').task.id")
  both "$s" "$WORK/without/.metaflow"
  check "$2: listed as Python lists the step without that task" "$py" "$mf"
}

# --- an unreadable _self.json (Python: PermissionError)
fresh
deny "$ds/$inner/7/_meta/_self.json"
compare_without_task 7 "an unreadable _self.json"
check "the unreadable _self.json is named once" 1 "$(warnings "$ds/$inner/7/_meta/_self.json" "Permission denied")"

# --- a record that does not parse (Python: JSONDecodeError)
fresh
printf '{"task_id": ' > "$ds/$inner/8/_meta/_self.json.new" && mv "$ds/$inner/8/_meta/_self.json.new" "$ds/$inner/8/_meta/_self.json"
compare_without_task 8 "a corrupt _self.json"
check "the corrupt record's task is named once, with the reason" 1 "$(printf '%s\n' "$mf_err" | grep -c \
  "^mfsh: warning: skipped '$(re "$ds/$inner/8")': corrupt metadata file '$(re "$ds/$inner/8/_meta/_self.json")': invalid JSON")"

# --- D12: a folder in place of a log file: Python raises IsADirectoryError; mfsh gave stdout ''.
fresh
task="$flow/$alice_run/start/1"
rm "$ds/$task/0.runtime_stdout.log"; mkdir "$ds/$task/0.runtime_stdout.log"
s=$(asking log_folder "repr(Task('$task').stdout)" "len(list(Task('$task').loglines('stdout')))" "repr(Task('$task').stderr)")
both "$s"
check "a folder in place of a log file: errors as Python's" "$py" "$mf"

# --- D12: a link to the parent folder in a step (`step/loop -> ..`) and one to a sibling task show
# another object's record. mfsh listed a task with id '' and task 9 twice; Python's listing raises
# KeyError 'task_id', so the oracle is Python on the copy without the links.
fresh
ln -s .. "$ds/$inner/loop"; ln -s 9 "$ds/$inner/alias"
s=$(script links <<EOF
from metaflow import Step, Run, namespace
namespace(None)
print([t.id for t in Step('$inner')], Step('$inner').task.id)
print(sorted(t.pathspec for t in Run('$foreach')['inner_join'].task.parent_tasks))
EOF
)
both "$s" "$pristine/.metaflow"
check "links to a parent and a sibling: listed as Python lists the step without them" "$py" "$mf"
check "the link to the parent is named once, with the reason" 1 \
  "$(warnings "$ds/$inner/loop" "its _meta/_self.json is the record of another object (task_id missing)")"
check "the link to a sibling is named once, with the reason" 1 \
  "$(warnings "$ds/$inner/alias" "its _meta/_self.json is the record of another object (task_id '9')")"
s=$(asking links_asked "Task('$inner/loop')" "Step('$inner')['loop']" "'loop' in Step('$inner')")
mf_only "$s"
check "Task(), step[id] and 'id in step' on the link raise, naming it" 3 \
  "$(printf '%s\n' "$mf" | grep -cF "MetaflowNotFound '$ds/$inner/loop' holds no task of its own")"

finish
