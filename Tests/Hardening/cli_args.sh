#!/usr/bin/env bash
# D12-D14, command line: sys.argv as CPython builds it for -c, FILE and stdin; option errors show
# the error's own message (never a Swift type name) and exit 2; os.path's link functions.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
argv='import sys; print(sys.argv)'

check "-c CODE a b: sys.argv" "$("$PY" -c "$argv" a b)" "$("$MFSH" -c "$argv" a b 2>&1)"
check "-c CODE: sys.argv" "$("$PY" -c "$argv")" "$("$MFSH" -c "$argv" 2>&1)"
printf '%s\n' "$argv" > show_argv.py
check "FILE a b: sys.argv" "$("$PY" show_argv.py a b)" "$("$MFSH" show_argv.py a b 2>&1)"
check "stdin script: sys.argv" "$("$PY" < show_argv.py)" "$("$MFSH" < show_argv.py 2>&1)"
check "- a b (stdin script): sys.argv" "$("$PY" - a b < show_argv.py)" "$("$MFSH" - a b < show_argv.py 2>&1)"

# --metadata: the message the same call gives inside the language, status 2.
mkdir -p empty_folder
for spec in garbage "$WORK/empty_folder" "$WORK/missing_folder" https://metadata.example.com; do
  inside=$("$MFSH" -c "metadata('$spec')" 2>&1 | tail -1)
  check_grep "metadata('$spec') inside the language raises" "^[A-Za-z.]+(Error|Exception): " "$inside"
  "$MFSH" --metadata "$spec" -c 'print(1)' > out 2> err; rc=$?
  check "--metadata $spec: status 2, no output" "rc=2 " "rc=$rc $(cat out)"
  check "--metadata $spec: the error's own message ($inside)" "found" "$(grep -qF -- "$inside" err && echo found || cat err)"
  check_no_grep "--metadata $spec: no Swift type names" "MFSInterpreter|PyException|MetaflowClient" "$(cat err)"
done
# Python's metadata('') keeps the default provider (an empty info is no info).
demo=$(demo_copy); cd "$demo"
check "metadata(''): Python keeps the default" "True" "$("$PY" -c "from metaflow import metadata, get_metadata; d = get_metadata(); print(metadata('') == d)")"
check "--metadata '': the default provider" "$("$MFSH" -c 'print(get_metadata())' 2>&1)" "$("$MFSH" --metadata '' -c 'print(get_metadata())' 2>&1)"
cd "$WORK"

# os.path.islink, lexists, realpath, samefile against CPython on links, dangling links, loops.
mkdir -p links/dir; cd links
touch target; ln -s target link; ln -s missing dangling; ln -s dir dlink; ln -s loop1 loop2; ln -s loop2 loop1
paths='["target", "link", "dangling", "dir", "dlink", "missing", "loop1", "", "/", "dir/../link", "dlink/..", "'"$WORK"'/links/link"]'
probe="import os
for p in $paths:
    print(repr(p), os.path.islink(p), os.path.lexists(p), os.path.exists(p), os.path.realpath(p))
print(os.path.samefile('link', 'target'), os.path.samefile('dir', 'dlink'), os.path.samefile('dir', 'target'))
for a, b in [('missing', 'target'), ('target', 'dangling')]:
    try:
        os.path.samefile(a, b)
    except OSError as e:
        print(type(e).__name__, e)
from os.path import islink
print(islink('link'))"
check "os.path link functions" "$("$PY" -c "$probe" 2>&1)" "$("$MFSH" -c "$probe" 2>&1)"
cd "$WORK"

# A script that cannot be opened: CPython's words, status 2.
py=$("$PY" "$WORK/no_such_script.py" 2>&1); py_rc=$?
mf=$("$MFSH" "$WORK/no_such_script.py" 2>&1); mf_rc=$?
check "a missing script: message and status" "rc=$py_rc can't open${py#*can\'t open}" "rc=$mf_rc can't open${mf#*can\'t open}"

finish
