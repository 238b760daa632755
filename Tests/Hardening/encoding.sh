#!/usr/bin/env bash
# D12-D14, script encoding as CPython: a UTF-8 BOM at the start is accepted; invalid UTF-8 and NUL
# bytes are SyntaxErrors with CPython's messages, for a script file, stdin and -c. CPython's exit
# status for these is 1; mfsh's documented status for every syntax error is 2.
source "$(dirname "$0")/lib.sh"
cd "$WORK"

# status_and_err WHO ARGS...: the stderr of a run (stdout too: nothing may run), then mfsh's status.
py_err() { "$PY" "$@" 2>&1; }
mf_err() { "$MFSH" "$@" 2>&1; echo "rc=$?"; }

case_file() {  # name bytes(printf format)
  local name=$1
  printf "$2" > "$WORK/$name.py"
  check "file, $name" "$(py_err "$WORK/$name.py")
rc=$3" "$(mf_err "$WORK/$name.py")"
  check "stdin, $name" "$(py_err < "$WORK/$name.py")
rc=$3" "$(mf_err < "$WORK/$name.py")"
  check "stdin '-', $name" "$(py_err - < "$WORK/$name.py")
rc=$3" "$(mf_err - < "$WORK/$name.py")"
}

case_file bom '\xef\xbb\xbfprint("bom ok")\n' 0
case_file bom_twice '\xef\xbb\xbf\xef\xbb\xbfprint(1)\n' 2
case_file invalid_start 'print("a")\nx = "\xff"\n' 2
case_file invalid_continuation 'print("a")\n# \xc3\x28 comment\n' 2
case_file truncated 'print(1)\nx = "ab\xe9"\n' 2
case_file overlong '# \xc0\x80\nprint(1)\n' 2
case_file surrogate 'x = "\xed\xa0\x80"\n' 2
case_file invalid_last_line 'x\xc3\xa9 = 1\nprint(x\xc3\xa9)\n\xff' 2
case_file nul 'print("a")\nx = 1 # a\x00b\ny = 2\n' 2
case_file nul_in_string 'print(1)\nx = "\x00"\n' 2
case_file nul_alone '\x00' 2
case_file nul_then_invalid 'x\x00\n\xff\n' 2
case_file invalid_then_nul 'x\xff\x00\n' 2
case_file valid_utf8 'print("h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")\n' 0

# -c: CPython cannot take undecodable bytes from the command line; a BOM is a stray character.
bad=$(printf 'print(1)\nx = "\xff"')
check "-c, invalid UTF-8" "$(py_err -c "$bad")
rc=1" "$(mf_err -c "$bad")"
bom=$(printf '\xef\xbb\xbfprint(1)')
check "-c, BOM" "$(py_err -c "$bom")
rc=2" "$(mf_err -c "$bom")"

finish
