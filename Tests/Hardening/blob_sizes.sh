# D5: sizes from data are bounds, never allocations. A 5 MB blob whose gzip trailer claims 4 GiB,
# and a 40 MB blob cut in half, fail with a clear error at a memory peak near their real size
# (before: 4.2 GB and 1.37 GB); a numpy pickle whose shape does not match its bytes is an error
# (numpy's own words), not an opaque object. The blobs are made here and put in place of the
# `name` artifact of TrainFlow's latest run in a scratch copy of the demo datastore.
source "$TOP/Tests/Hardening/lib.sh"
need /usr/bin/time
ds=$(demo_copy)
cd "$ds"
sha=$("$MFSH" -c 'print(Flow("TrainFlow").latest_run["end"].task["name"].sha)' 2>&1)
task=$("$MFSH" -c 'print(Flow("TrainFlow").latest_run["end"].task.pathspec)' 2>&1)
blob="$ds/.metaflow/TrainFlow/data/${sha:0:2}/$sha"
[ -f "$blob" ] || { echo "FAIL: no blob for TrainFlow's name artifact ($sha)"; exit 1; }
read_name='print(repr(Flow("TrainFlow").latest_run["end"].task["name"].data)[:40])'

# peak KB of mfsh reading the artifact; its output in $WORK/out
peak() { /usr/bin/time -f %M -o "$WORK/rss" "$MFSH" -c "$read_name" >"$WORK/out" 2>&1; tail -n 1 "$WORK/rss"; }

"$PY" - "$blob" <<'PY'
import gzip, os, pickle, struct, sys
data = pickle.dumps(os.urandom(5 << 20), protocol=4)          # incompressible: ~5 MB on disk
z = bytearray(gzip.compress(data))
z[-4:] = struct.pack("<I", 0xFFFFFFF0)                          # ISIZE: "4 GiB"
open(sys.argv[1], "wb").write(z)
PY
kb=$(peak)
check_grep "forged trailer: an error naming the blob" "cannot decompress '.*$sha'" "$(cat "$WORK/out")"
check "forged trailer: peak memory under 100 MB (was 4.2 GB)" "1" "$(( kb < 100000 ))"
echo "     (peak $((kb / 1024)) MB)"

"$PY" - "$blob" <<'PY'
import gzip, pickle, random, sys
random.seed(7)
words = [b"alpha", b"beta", b"gamma", b"delta", b"epsilon"]
data = pickle.dumps(b" ".join(random.choice(words) for _ in range(7_000_000)), protocol=4)  # ~40 MB
z = gzip.compress(data, mtime=0)
# Cut near the middle where the last four bytes, read as the trailer, claim 0.5 to 1.5 GB: a
# truncation whose leftover bytes look like a plausible size, as in the report.
cut = next(c for c in range(len(z) // 2, 1000, -1)
           if 500 << 20 <= int.from_bytes(z[c - 4:c], "little") <= 1536 << 20)
open(sys.argv[1], "wb").write(z[:cut])
PY
kb=$(peak)
check_grep "truncated blob: says it is truncated" "truncated gzip stream" "$(cat "$WORK/out")"
check "truncated blob: peak memory under 150 MB (was 1.37 GB)" "1" "$(( kb < 150000 ))"
echo "     (peak $((kb / 1024)) MB)"
rm "$ds/.metaflow/$task/0.data.json" || exit 1
kb=$(peak)
check "truncated blob without its task's data.json nearby: still under 150 MB" "1" "$(( kb < 150000 ))"

# numpy's own answer for the same bytes is the oracle for the message.
"$PY" - "$blob" <<'PY'
import gzip, pickle, sys
import numpy as np
p = pickle.dumps(np.arange(6, dtype=np.int64).reshape(2, 3), protocol=4)
bad = p.replace(b"\x4b\x02\x4b\x03", b"\x4b\x05\x4b\x03")   # shape (5, 3) over 6 items
assert bad != p
open(sys.argv[1], "wb").write(gzip.compress(bad))
PY
expected=$("$PY" -c "
import gzip, pickle, sys
try: pickle.loads(gzip.open(sys.argv[1]).read())
except ValueError as e: print(e)" "$blob" 2>&1)
check "numpy itself refuses the crafted array" "buffer size does not match array size" "$expected"
out=$("$MFSH" -c "$read_name" 2>&1)
check_grep "an impossible numpy shape is an error in numpy's words" "UnpicklingError: impossible numpy array at byte [0-9]+ \($expected: shape \(5, 3\) of 8-byte items needs 120 bytes, the pickle holds 48\)" "$out"
# A blob that really decompresses to more than the process may have (ulimit -v): Python's
# MemoryError, not an allocation failure that ends the process.
"$PY" - "$blob" <<'PY'
import gzip, pickle, sys
open(sys.argv[1], "wb").write(gzip.compress(pickle.dumps(bytes(1200 << 20), protocol=4), compresslevel=1))
PY
out=$(ulimit -v 800000; "$MFSH" -c "
try:
    $read_name
except MemoryError as e:
    print('MemoryError:', e)" 2>&1); rc=$?
check "too large for ulimit -v: a catchable MemoryError, status 0" "0" "$rc"
check_grep "  ... naming the blob" "^MemoryError: cannot decompress '.*$sha': out of memory" "$out"
finish
