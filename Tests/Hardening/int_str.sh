# D6: int<->str conversion is bounded as in CPython 3.11 (sys.set_int_max_str_digits), for ints the
# code makes and for int artifacts read from a datastore; with the bound off, a long conversion stops
# at Ctrl-C. Expected texts come from CPython.
source "$TOP/Tests/Hardening/lib.sh"
need timeout
ds=$(demo_copy)
cd "$ds"

# Plant an int artifact of the given Python expression in place of ScalarsFlow's `huge_int`.
plant_int() {
  "$PY" - "$1" <<'PYEOF'
import glob, gzip, json, pickle, sys
value = eval(sys.argv[1])
blob = pickle.dumps(value, protocol=4)
for data in glob.glob(".metaflow/ScalarsFlow/*/end/*/0.data.json"):
    meta = json.load(open(data))
    sha = meta["objects"]["huge_int"]
    meta["info"]["huge_int"]["size"] = len(blob)
    json.dump(meta, open(data, "w"))
    with open(f".metaflow/ScalarsFlow/data/{sha[:2]}/{sha}", "wb") as f:
        f.write(gzip.compress(blob))
PYEOF
}
read_artifact='from metaflow import Flow
x = Flow("ScalarsFlow").latest_run["end"].task.data.huge_int'

plant_int '7 ** 20000'
want=$("$PY" -c 'print(str(7 ** 20000))' 2>&1 | tail -1)
got=$("$MFSH" -c "$read_artifact
print(x)" 2>&1 | tail -1)
check "printing a 16,900-digit artifact: CPython's ValueError" "$want" "$got"
want=$("$PY" -c 'print(repr([7 ** 20000]))' 2>&1 | tail -1)
got=$("$MFSH" -c "$read_artifact
print(repr([x]))" 2>&1 | tail -1)
check "repr of a list holding it: the same ValueError" "$want" "$got"
want=$("$PY" -c 'import sys; sys.set_int_max_str_digits(0); print(7 ** 20000)' | md5sum)
got=$("$MFSH" -c "$read_artifact
import sys; sys.set_int_max_str_digits(0); print(x)" | md5sum)
check "with the limit off, the artifact prints in full" "$want" "$got"

# A 2 MB int artifact: the limit answers at once; with the limit off, Ctrl-C stops the conversion.
plant_int '(1 << 16_000_000) - 12345'
start=$(date +%s)
got=$(timeout 20 "$MFSH" -c "$read_artifact
print(x)" 2>&1 | tail -1)
check "a 2 MB int artifact is refused quickly" yes "$([ $(( $(date +%s) - start )) -le 5 ] && echo yes || echo no)"
check_grep "a 2 MB int artifact: ValueError" '^ValueError: Exceeds the limit \(4300 digits\)' "$got"
start=$(date +%s)
timeout -k 10 -s INT 3 "$MFSH" -c "$read_artifact
import sys; sys.set_int_max_str_digits(0); print(len(str(x)))" >"$WORK/out" 2>"$WORK/err"
secs=$(( $(date +%s) - start ))
check "limit off: Ctrl-C stops the conversion within seconds" yes "$([ $secs -le 6 ] && echo yes || echo "no (${secs}s)")"
check "limit off: the conversion ends in KeyboardInterrupt" KeyboardInterrupt "$(tail -1 "$WORK/err")"

# The same for ints made by the code, both directions.
for code in 'print(len(str(1 << 16_000_000)))' 'print(int("7" * 5_000_000) % 10)'; do
  start=$(date +%s)
  timeout -k 10 -s INT 2 "$MFSH" -c "import sys; sys.set_int_max_str_digits(0); $code" >"$WORK/out" 2>"$WORK/err"
  secs=$(( $(date +%s) - start ))
  check "limit off, $code: Ctrl-C stops it" yes "$([ $secs -le 5 ] && echo yes || echo "no (${secs}s)")"
  check "limit off, $code: KeyboardInterrupt" KeyboardInterrupt "$(tail -1 "$WORK/err")"
done

# A decimal literal past the limit is a SyntaxError with CPython's advice.
digits=$("$PY" -c 'print("1" * 4301)')
want=$("$PY" -c "x = $digits" 2>&1 | tail -1)
got=$("$MFSH" -c "x = $digits" 2>&1 | tail -1)
check "a 4301-digit literal: CPython's SyntaxError" "$want" "$got"
finish
