#!/usr/bin/env bash
# D12-D14, command line: option errors show the error's own message (never a Swift type name)
# and exit 2.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
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

# A script that cannot be opened: CPython's words, status 2.
py=$("$PY" "$WORK/no_such_script.py" 2>&1); py_rc=$?
mf=$("$MFSH" "$WORK/no_such_script.py" 2>&1); mf_rc=$?
check "a missing script: message and status" "rc=$py_rc can't open${py#*can\'t open}" "rc=$mf_rc can't open${mf#*can\'t open}"

finish
