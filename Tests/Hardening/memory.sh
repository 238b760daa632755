# D8: a size taken from the user's integers that cannot be allocated is a catchable MemoryError, as in
# CPython, never the Swift runtime's "Fatal error: failed to allocate" (exit 134). Run under a virtual
# memory limit; CPython under the same limit is the oracle.
source "$TOP/Tests/Hardening/lib.sh"
cd "$WORK"
# mfsh runs code on a thread with a 1 GiB stack (virtual), so the limit leaves room for that.
limit_kb=3000000

cat > caught.py <<'PYEOF'
cases = [
    ('"x" * 10**10', lambda: "x" * 10**10), ('10**10 * "x"', lambda: 10**10 * "x"),
    ('[0] * 10**10', lambda: [0] * 10**10), ('[1, 2] * 10**10', lambda: [1, 2] * 10**10),
    ('(0,) * 10**10', lambda: (0,) * 10**10), ('b"x" * 10**10', lambda: b"x" * 10**10),
    ('"ab" * 2**62', lambda: "ab" * 2**62), ('b"ab" * 2**62', lambda: b"ab" * 2**62),
    ('[0, 0] * 2**62', lambda: [0, 0] * 2**62), ('"x" * 10**30', lambda: "x" * 10**30),
    ('[0] * -10**30', lambda: [0] * -10**30), ('bytes(10**10)', lambda: bytes(10**10)),
    ('list(range(10**10))', lambda: list(range(10**10))), ('"x".ljust(10**10)', lambda: "x".ljust(10**10)),
    ('"x".rjust(10**10, "-")', lambda: "x".rjust(10**10, "-")), ('"x".center(10**10)', lambda: "x".center(10**10)),
    ('"1".zfill(10**10)', lambda: "1".zfill(10**10)), ('"{:10000000000}".format(1)', lambda: "{:10000000000}".format(1)),
    ('f"{1:>10000000000}"', lambda: f"{1:>10000000000}"), ('format("x", "^10000000000")', lambda: format("x", "^10000000000")),
    ('"{:99999999999999999999}".format(1)', lambda: "{:99999999999999999999}".format(1)),
]
for code, make in cases:
    try:
        r = make()
        print(code, "->", len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(code, "->", type(e).__name__, e)
x = [0, 1]
try:
    x *= 10**10
except MemoryError as e:
    print("x *= 10**10 ->", type(e).__name__, repr(e), x)
print("small still fine:", len("ab" * 1000), len([0] * 1000), len(b"x" * 7), "-" * 3, [1, 2] * 2, (3,) * 2)
PYEOF
want=$(ulimit -v $limit_kb; "$PY" caught.py 2>&1)
got=$(ulimit -v $limit_kb; "$MFSH" caught.py 2>&1); rc=$?
check "caught MemoryError and OverflowError as CPython" "$want" "$got"
check "caught: exit status 0" 0 "$rc"

for code in '"x" * 10**10' '[0] * 10**10' 'b"x" * 10**10' 'list(range(10**10))'; do
  printf 's = %s\n' "$code" > "$WORK/oom.py"
  want=$(ulimit -v $limit_kb; "$PY" "$WORK/oom.py" 2>&1); want_rc=$?
  got=$(ulimit -v $limit_kb; "$MFSH" "$WORK/oom.py" 2>&1); rc=$?
  check "uncaught $code: traceback as CPython" "$want" "$got"
  check "uncaught $code: exit status as CPython" "$want_rc" "$rc"
  check_no_grep "uncaught $code: no fatal error" 'Fatal error|failed to allocate' "$got"
done

# Large objects stay within a few times CPython's time (Scripts/bench-lang has the full-size figures):
# repetition fills by doubling copies, and str indexing does not walk (or copy) the whole string.
ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
printf 'b = b"x" * 10**8\ns = "y" * 10**8\nprint(len(b) + len(s))\n' > repeat.py
printf 's = "ab" * 10_000_000\nt = 0\nfor k in range(100_000):\n    t += s[5_000_000 + k] == "a"\nprint(t, len(s), s[-3:])\n' > index.py
for f in repeat index; do
  check "$f.py: same output as CPython" "$("$PY" $f.py)" "$("$MFSH" $f.py)"
  py_ms=$(ms "$PY" $f.py); mfsh_ms=$(ms "$MFSH" $f.py)
  check "$f.py: within 4x CPython's time (CPython ${py_ms} ms, mfsh ${mfsh_ms} ms)" yes \
    "$([ "$mfsh_ms" -le $(( 4 * py_ms + 200 )) ] && echo yes || echo no)"
done
finish
