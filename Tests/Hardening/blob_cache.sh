# Local blobs that gzip barely shrank are kept decompressed on disk ($XDG_CACHE_HOME/mfsh/blobs,
# `MFSH_BLOB_CACHE`), so the next process skips inflating them: the copy answers the same, is read
# instead of the blob (the blob moved away still answers), is 0600 in 0700 folders, is named
# by the content hash, is dropped when its size is not the one the task recorded, is never made for
# blobs gzip shrank well or for `MFSH_BLOB_CACHE=off`. The data is written by real Metaflow.
source "$TOP/Tests/Hardening/lib.sh"
need /usr/bin/time
cd "$WORK"
cat > blob_flow.py <<'PY'
from metaflow import FlowSpec, step
import numpy as np

class BlobCacheFlow(FlowSpec):
    @step
    def start(self):
        self.noise = np.random.default_rng(7).random(700_000)   # 5.6 MB that gzip barely shrinks
        self.flat = np.zeros(700_000)                           # 5.6 MB that gzip shrinks to nothing
        self.next(self.end)

    @step
    def end(self):
        pass

if __name__ == "__main__":
    BlobCacheFlow()
PY
"$PY" blob_flow.py --no-pylint run >"$WORK/run.log" 2>&1 || { echo "FAIL the flow did not run"; tail -5 "$WORK/run.log"; exit 1; }
export XDG_CACHE_HOME="$WORK/xdg"
cache="$XDG_CACHE_HOME/mfsh/blobs"
query='d = Flow("BlobCacheFlow").latest_run["start"].task.data
print(d.noise.sum(), d.noise[:3], d.flat.sum())'
sha=$("$MFSH" -c 'print(Flow("BlobCacheFlow").latest_run["start"].task["noise"].sha)' 2>&1)
blob="$WORK/.metaflow/BlobCacheFlow/data/${sha:0:2}/$sha"
[ -f "$blob" ] || { echo "FAIL: no blob for noise ($sha)"; exit 1; }
expected=$("$PY" -c "
from metaflow import Flow
d = Flow('BlobCacheFlow').latest_run['start'].task.data
print(d.noise.sum(), d.noise[:3], d.flat.sum())" 2>&1)

first=$("$MFSH" -c "$query" 2>&1)
check "first read: Python's answer" "$expected" "$first"
check "  ... the noisy blob kept decompressed, by its hash" "$cache/local/${sha:0:2}/$sha.raw" "$(find "$cache" -name '*.raw' | sort)"
check "  ... 0600 files in 0700 folders" "" "$(find "$cache" \( -type d ! -perm 700 \) -o \( -type f ! -perm 600 \) | head -3)"
check "  ... as large as the decompressed blob" "$("$PY" -c "import gzip,sys; print(len(gzip.open(sys.argv[1]).read()))" "$blob")" \
  "$(stat -c %s "$cache/local/${sha:0:2}/$sha.raw")"

mv "$blob" "$blob.away"   # (not chmod: the tests may run as root)
check "second read: the same answer with the blob gone (read from the copy)" "$expected" "$("$MFSH" -c "$query" 2>&1)"
check_grep "MFSH_BLOB_CACHE=off: the blob itself is read" "$sha" "$(MFSH_BLOB_CACHE=off "$MFSH" -c "$query" 2>&1)"
mv "$blob.away" "$blob"

truncate -s 1000 "$cache/local/${sha:0:2}/$sha.raw"
check "a copy of the wrong size: dropped, the blob inflated again" "$expected" "$("$MFSH" -c "$query" 2>&1)"
check "  ... and kept whole again" "$(stat -c %s "$cache/local/${sha:0:2}/$sha.raw")" \
  "$("$PY" -c "import gzip,sys; print(len(gzip.open(sys.argv[1]).read()))" "$blob")"

rm -rf "$XDG_CACHE_HOME"
MFSH_BLOB_CACHE=off "$MFSH" -c "$query" >/dev/null 2>&1
check "MFSH_BLOB_CACHE=off keeps nothing" "" "$(find "$XDG_CACHE_HOME" -type f 2>/dev/null | head -3)"
finish
