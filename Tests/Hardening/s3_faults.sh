# S3 misbehaving (#14): throttling (503 SlowDown) retried with backoff, a download cut in the middle
# (the range is read again, never half a blob decoded), NoSuchKey, AccessDenied, a wrong secret
# (SeaweedFS answers SignatureDoesNotMatch), a wrong endpoint, no credentials at all. Each is one
# line naming the bucket and key (or the credential sources tried); the secret never shows. Also:
# a large blob arrives in ranges with memory near its own size, and the blob cache serves a second
# process without a request.
# S3 is the loopback SeaweedFS of Scripts/s3 with the fixtures of Scripts/make-s3-fixtures
# (S3_TEST_DIR, default Tests/Fixtures/generated-s3; started here and stopped after when none runs),
# behind the project's proxy (Tests/Service/s3_proxy.py), which counts requests and injects faults.
source "$TOP/Tests/Hardening/lib.sh"
need curl
s3_dir=${S3_TEST_DIR:-$TOP/Tests/Fixtures/generated-s3}
[ -d "$s3_dir/local/.metaflow" ] || { echo "FAIL s3_faults needs $s3_dir (run Scripts/make-s3-fixtures)"; exit 1; }
started_here=0
if ! "$TOP/Scripts/s3" status "$s3_dir" >/dev/null 2>&1; then
  "$TOP/Scripts/s3" start "$s3_dir" >/dev/null || { echo "FAIL SeaweedFS did not start"; exit 1; }
  started_here=1
fi
proxy_pid=""
cleanup() {
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null
  [ $started_here = 1 ] && "$TOP/Scripts/s3" stop "$s3_dir" >/dev/null 2>&1
}
trap cleanup EXIT
set -a; . "$s3_dir/env"; set +a
secret=$AWS_SECRET_ACCESS_KEY
upstream=$METAFLOW_S3_ENDPOINT_URL
"$PY" "$TOP/Tests/Service/s3_proxy.py" --upstream "$upstream" --port 0 --port-file "$WORK/proxy.port" \
  >"$WORK/proxy.log" 2>&1 &
proxy_pid=$!
for _ in $(seq 100); do [ -s "$WORK/proxy.port" ] && break; sleep 0.05; done
proxy="http://127.0.0.1:$(cat "$WORK/proxy.port")"
export METAFLOW_S3_ENDPOINT_URL=$proxy
export METAFLOW_DATASTORE_SYSROOT_S3=${METAFLOW_DATASTORE_SYSROOT_S3%/*}/local
export MFSH_S3_CACHE=off METAFLOW_S3_RETRY_COUNT=3 AWS_EC2_METADATA_DISABLED=true
bucket=${METAFLOW_DATASTORE_SYSROOT_S3#s3://}; bucket=${bucket%%/*}
cd "$s3_dir/local"

fault() { curl -s -X POST "$proxy/_proxy/config" -d "{\"faults\": [$1]}" >/dev/null; }
clear_faults() { curl -s -X POST "$proxy/_proxy/config" -d '{"faults": []}' >/dev/null; }
reset_counts() { curl -s "$proxy/_proxy/reset" >/dev/null; }
count_gets() {  # GETs under a key prefix since the last reset
  curl -s "$proxy/_proxy/stats" | "$PY" -c '
import json, sys
stats = json.load(sys.stdin)["requests"]
print(sum(n for k, n in stats.items() if k.startswith("GET " + sys.argv[1])))' "$1"
}
total_requests() { curl -s "$proxy/_proxy/stats" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

query='from metaflow import Flow
print(Flow("MyFlow").latest_run["end"].task.data.model)'
expected=$("$PY" -c "$query" 2>&1)
check_grep "Python's client reads the fixture" "layers" "$expected"
blobs="/$bucket/local/MyFlow/data/"

reset_counts
out=$("$MFSH" -c "$query" 2>&1)
check "through the proxy: Python's answer" "$expected" "$out"

# Throttled twice, then the answer.
reset_counts
fault "{\"kind\": \"slowdown\", \"count\": 2, \"prefix\": \"$blobs\"}"
out=$("$MFSH" -c "$query" 2>&1)
check "503 SlowDown twice: retried, same answer" "$expected" "$out"
check "  ... the blob asked three times" "3" "$(count_gets "$blobs")"

# Throttled every time: gives up after METAFLOW_S3_RETRY_COUNT retries, naming bucket and key.
reset_counts
fault "{\"kind\": \"slowdown\", \"prefix\": \"$blobs\"}"
out=$("$MFSH" -c "$query" 2>&1); rc=$?
check "SlowDown every time: status 1" "1" "$rc"
check_grep "  ... names the code and the s3:// key" "SlowDown.*s3://$bucket/local/MyFlow/data/[0-9a-f]{2}/[0-9a-f]{40}|s3://$bucket/local/MyFlow/data/[0-9a-f]{2}/[0-9a-f]{40}.*SlowDown" "$out"
check "  ... tried 1 + METAFLOW_S3_RETRY_COUNT times" "4" "$(count_gets "$blobs")"
check_grep "  ... as a DataException" "DataException" "$out"

# A key that is not there: Python's DataException, naming the key; not retried.
reset_counts
fault "{\"kind\": \"nosuchkey\", \"prefix\": \"$blobs\"}"
out=$("$MFSH" -c "$query" 2>&1); rc=$?
check "NoSuchKey: status 1" "1" "$rc"
check_grep "  ... says the blob is missing, naming where" "missing \(looked for s3://$bucket/local/MyFlow/data/" "$out"
check "  ... asked once" "1" "$(count_gets "$blobs")"

# Access denied: names the code, the key and where the credentials came from, never the secret.
reset_counts
fault "{\"kind\": \"accessdenied\", \"prefix\": \"$blobs\"}"
out=$("$MFSH" -c "$query" 2>&1); rc=$?
check "AccessDenied: status 1" "1" "$rc"
check_grep "  ... names the key, the code and the credentials' source" "s3://$bucket/local/MyFlow/data/.*AccessDenied.*credentials from environment variables" "$out"
check_no_grep "  ... never the secret" "$secret" "$out"
clear_faults

# A wrong secret: SeaweedFS checks signatures and refuses.
out=$(AWS_SECRET_ACCESS_KEY=wrong-secret-value "$MFSH" -c "$query" 2>&1); rc=$?
check "wrong secret: status 1" "1" "$rc"
check_grep "  ... SignatureDoesNotMatch, naming the key" "s3://$bucket/local/MyFlow/data/.*SignatureDoesNotMatch" "$out"
check_no_grep "  ... the secret given never shows" "wrong-secret-value" "$out"

# Ctrl-C while S3 is slow to answer: KeyboardInterrupt at once, as CPython ends on it.
fault "{\"kind\": \"latency\", \"ms\": 8000, \"prefix\": \"$blobs\"}"
start=$(date +%s%N)
out=$(timeout --preserve-status -s INT 1 "$MFSH" -c "$query" 2>&1); rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "Ctrl-C during a slow GET: status 130" "130" "$rc"
check_grep "  ... KeyboardInterrupt" "^KeyboardInterrupt$" "$(printf '%s' "$out" | tail -1)"
check_grep "  ... within 2 s (${ms} ms)" "^yes$" "$([ $ms -lt 2000 ] && echo yes)"
clear_faults

# Nothing listens at the endpoint: the URL and what happened, after a few quick tries.
start=$(date +%s%N)
out=$(METAFLOW_S3_ENDPOINT_URL=http://127.0.0.1:9 METAFLOW_S3_RETRY_COUNT=2 "$MFSH" -c "$query" 2>&1); rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "wrong endpoint: status 1" "1" "$rc"
check_grep "  ... names the URL and 'refused'" "http://127.0.0.1:9/.*refused" "$out"
check_grep "  ... within 5 s (${ms} ms)" "^yes$" "$([ $ms -lt 5000 ] && echo yes)"

# No credentials anywhere: every source tried is named.
out=$(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY HOME="$WORK/empty-home" "$MFSH" -c "$query" 2>&1); rc=$?
check "no credentials: status 1" "1" "$rc"
check_grep "  ... says none were found and where it looked" "(no|No) (AWS )?credentials.*(environment|shared)" "$out"
check_grep "  ... names the key it wanted" "s3://$bucket/local/MyFlow/data/" "$out"

# A large blob (a real run: 160 MB of random float64, about as large gzipped): read in ranges.
big="$WORK/big"; mkdir -p "$big"
cat >"$big/big_flow.py" <<'PY'
from metaflow import FlowSpec, step
import numpy as np

class HardeningBigFlow(FlowSpec):
    @step
    def start(self):
        self.arr = np.random.default_rng(11).random(20_000_000)
        self.next(self.end)

    @step
    def end(self):
        pass

if __name__ == "__main__":
    HardeningBigFlow()
PY
prefix="hardening-$$"
(cd "$big" && METAFLOW_S3_ENDPOINT_URL=$upstream METAFLOW_DATASTORE_SYSROOT_S3="s3://$bucket/$prefix" \
  "$PY" big_flow.py --no-pylint --datastore s3 run >"$WORK/big_run.log" 2>&1) ||
  { echo "FAIL the large-blob run failed:"; tail -5 "$WORK/big_run.log"; exit 1; }
cd "$big"
export METAFLOW_DATASTORE_SYSROOT_S3="s3://$bucket/$prefix"
bigq='from metaflow import Flow
a = Flow("HardeningBigFlow").latest_run["start"].task.data.arr
print(a.shape, a[:2], a[-1])'
expected_big=$(METAFLOW_S3_ENDPOINT_URL=$upstream "$PY" -c "$bigq" 2>&1)
reset_counts
out=$("$MFSH" -c "$bigq" 2>&1)
check "large blob: Python's answer" "$expected_big" "$out"
bigblobs="/$bucket/$prefix/HardeningBigFlow/data/"
check_grep "  ... in several ranges ($(count_gets "$bigblobs") GETs)" "^([3-9]|[1-9][0-9])$" "$(count_gets "$bigblobs")"

# Cut in the middle of a range: that range is read again, the answer is whole.
reset_counts
fault "{\"kind\": \"cut\", \"count\": 1, \"after_bytes\": 1000000, \"prefix\": \"$bigblobs\"}"
out=$("$MFSH" -c "$bigq" 2>&1)
check "a download cut once: same answer" "$expected_big" "$out"
# Cut every time: an error naming the key; never a half blob decoded.
fault "{\"kind\": \"cut\", \"after_bytes\": 1000000, \"prefix\": \"$bigblobs\"}"
out=$(METAFLOW_S3_RETRY_COUNT=1 "$MFSH" -c "$bigq" 2>&1); rc=$?
check "cut every time: status 1" "1" "$rc"
check_grep "  ... names the key and the broken connection" "s3://$bucket/$prefix/HardeningBigFlow/data/.*(closed|connection)|(closed|connection).*s3://$bucket/$prefix" "$out"
check_no_grep "  ... no unpickling of half a blob" "Unpickling|pickle data was truncated" "$out"
clear_faults

# Memory: the 160 MB array costs about its own size (and the ranges in flight), not the compressed
# blob on top of it (which would be 2x).
base_kb=$(/usr/bin/time -f %M "$MFSH" -c 1 2>&1 >/dev/null | tail -1)
used_kb=$(/usr/bin/time -f %M "$MFSH" -c "$bigq" 2>&1 >/dev/null | tail -1)
extra_mb=$(( (used_kb - base_kb) / 1024 ))
check_grep "large blob: at most 1.5x its 160 MB above start-up ($extra_mb MB)" "^yes$" "$([ $extra_mb -le 240 ] && echo yes)"

# The blob cache: a second process reads the blob from disk, asking S3 nothing for it.
export MFSH_S3_CACHE="$WORK/blob-cache"
"$MFSH" -c "$bigq" >/dev/null 2>&1
reset_counts
out=$("$MFSH" -c "$bigq" 2>&1)
check "blob cache: same answer" "$expected_big" "$out"
check "  ... no GET of the blob" "0" "$(count_gets "$bigblobs")"
# The copy is written while the blob is decompressed (a thread of its own): whole and exact, so its
# SHA-1 is its name (Metaflow names a blob by the SHA-1 of its bytes) and its size the artifact's.
kept_copy=$(find "$MFSH_S3_CACHE" -type f -size +100M)
check "  ... one copy, its SHA-1 its name" "$(basename "${kept_copy%.*}")" "$(sha1sum <"$kept_copy" | cut -c1-40)"
check_grep "  ... files 0600" "^600$" "$(find "$MFSH_S3_CACHE" -type f -printf '%m\n' | sort -u | tr '\n' ' ' | sed 's/ $//')"
check_no_grep "  ... the secret is in no cached file name or content" "." "$(grep -rl -- "$secret" "$MFSH_S3_CACHE" 2>/dev/null)"
# A blob damaged in S3 itself while data.json still records its size: the output is sized from that
# record and the gunzip starts before the last range is in, yet a blob cut short (in its last range)
# or with a wrong gzip trailer is refused with the key named, never unpickled.
export MFSH_S3_CACHE=off
damage() {  # how: the largest blob under the run's data, rewritten (its user metadata kept)
  METAFLOW_S3_ENDPOINT_URL=$upstream "$PY" - "$bucket" "${bigblobs#/$bucket/}" "$1" "$WORK/big.blob" <<'PYDAMAGE'
import boto3, os, sys
bucket, prefix, how, saved = sys.argv[1:]
s3 = boto3.client("s3", endpoint_url=os.environ["METAFLOW_S3_ENDPOINT_URL"])
key = max(s3.list_objects_v2(Bucket=bucket, Prefix=prefix)["Contents"], key=lambda o: o["Size"])["Key"]
meta = s3.head_object(Bucket=bucket, Key=key)["Metadata"]
if not os.path.exists(saved):
    with open(saved, "wb") as f:
        f.write(s3.get_object(Bucket=bucket, Key=key)["Body"].read())
with open(saved, "rb") as f:
    blob = f.read()
damaged = {"restore": blob, "short": blob[:-3_000_000], "trailer": blob[:-1] + bytes([blob[-1] ^ 1]),
           "crc": blob[:-5] + bytes([blob[-5] ^ 1]) + blob[-4:]}[how]
s3.put_object(Bucket=bucket, Key=key, Body=damaged, Metadata=meta)
print(len(damaged))
PYDAMAGE
}
for how in short trailer crc; do
  damage "$how" >/dev/null
  out=$("$MFSH" -c "$bigq" 2>&1); rc=$?
  check "blob damaged in S3 ($how), size recorded: status 1" "1" "$rc"
  check_grep "  ... names the key and the damage" "s3://$bucket/$prefix/HardeningBigFlow/data/.*(truncated|incorrect|corrupt)" "$out"
  check_no_grep "  ... no unpickling of a damaged blob" "Unpickling|pickle data|\\(20000000,\\)" "$out"
done
damage restore >/dev/null
check "restored: Python's answer again" "$expected_big" "$("$MFSH" -c "$bigq" 2>&1)"
finish
