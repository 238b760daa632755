# Sourced by each Tests/Hardening/*.sh. Set by Scripts/test-hardening: MFSH (the binary), TOP (the
# repository), WORK (a scratch folder, removed afterwards), PY (the oracle venv's python).
set -uo pipefail
: "${MFSH:?}" "${TOP:?}" "${WORK:?}" "${PY:?}"
export HOME="$WORK/home"; mkdir -p "$HOME"
export USERNAME=alice TZ=UTC LANG=C.UTF-8
unset METAFLOW_USER METAFLOW_DATASTORE_SYSROOT_LOCAL METAFLOW_PROFILE METAFLOW_HOME METAFLOW_DEFAULT_METADATA METAFLOW_DEFAULT_DATASTORE
_pass=0; _fail=0

check() {  # name expected actual
  if [ "$2" == "$3" ]; then _pass=$((_pass + 1)); echo "ok   $1"; else
    _fail=$((_fail + 1)); echo "FAIL $1"; echo "  expected: $(printf %q "$2")"; echo "  actual:   $(printf %q "$3")"; fi
}

check_grep() {  # name extended-regex text: passes when the text matches
  if printf '%s' "$3" | grep -Eq -- "$2"; then _pass=$((_pass + 1)); echo "ok   $1"; else
    _fail=$((_fail + 1)); echo "FAIL $1"; echo "  wanted a match for: $2"; echo "  in: $(printf %q "$3")"; fi
}

check_no_grep() {  # name extended-regex text: passes when the text does not match
  if ! printf '%s' "$3" | grep -Eq -- "$2"; then _pass=$((_pass + 1)); echo "ok   $1"; else
    _fail=$((_fail + 1)); echo "FAIL $1"; echo "  wanted no match for: $2"; echo "  in: $(printf %q "$3")"; fi
}

need() {  # tool...: a missing tool fails the file with the reason
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "FAIL: '$tool' is needed by $(basename "$0") and is missing"; exit 1; }
  done
}

# A scratch copy of the committed demo datastore (a real Metaflow run set), as cwd-discoverable
# `$WORK/ds/.metaflow`.
demo_copy() {
  rm -rf "$WORK/ds"; mkdir -p "$WORK/ds"
  cp -r "$TOP/Tests/Fixtures/demo/.metaflow" "$WORK/ds/.metaflow"
  echo "$WORK/ds"
}

finish() {
  echo "$(basename "$0" .sh): $_pass passed, $_fail failed"
  [ $_fail -eq 0 ]
}
