# Scripts/bench-s3 (#14) on the S3 fixtures: one pass over the rows that every fixture set has
# (small, size, logs), cold and warm, with and without added latency, gives a full table that the
# proxy's counts fill; a client whose output differs from Python's fails the bench and is named;
# SeaweedFS is left as it was found (started and stopped by the bench when none ran).
# S3 fixtures: S3_TEST_DIR (default Tests/Fixtures/generated-s3, from Scripts/make-s3-fixtures).
source "$TOP/Tests/Hardening/lib.sh"
need curl
s3_dir=${S3_TEST_DIR:-$TOP/Tests/Fixtures/generated-s3}
[ -d "$s3_dir/local/.metaflow" ] || { echo "FAIL bench_s3 needs $s3_dir (run Scripts/make-s3-fixtures)"; exit 1; }
s3_state() { "$TOP/Scripts/s3" status "$s3_dir" >/dev/null 2>&1 && echo running || echo stopped; }
before=$(s3_state)

out=$("$TOP/Scripts/bench-s3" --mfsh "$MFSH" --fixtures "$s3_dir" --runs 1 --only small,size,logs --big-gb 0 \
  --latency-ms 5 --out "$WORK/table.md" 2>"$WORK/err")
check "the bench passes when both clients agree" "0" "$?"
check "SeaweedFS is left as it was found" "$before" "$(s3_state)"
check "--out holds what was printed" "$out" "$(cat "$WORK/table.md")"
rows=$(printf '%s\n' "$out" | grep -E '^\| (one|DataArtifact)')
check "3 rows x cold/warm x 2 latency sets" "12" "$(printf '%s\n' "$rows" | wc -l)"
# Every data row: 2 times, a ratio, requests, bytes, 404s and RSS, all numbers.
number_row='^\| [^|]+ \| (cold|warm) \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+× \| [0-9–]+ \| [0-9–]+ \| [0-9.]+ k?M?B \| [0-9.]+ k?M?B \| [0-9]+ \| [0-9]+ \| [0-9]+ MB \| [0-9]+ MB \|$'
check "every row is filled with numbers" "12" "$(printf '%s\n' "$rows" | grep -Ec "$number_row")"
check_no_grep "no output differs" "DIFFERS|Outputs differ" "$out"
check_grep "the skipped big row is said" "big-artifact row was skipped \(--big-gb 0\)" "$out"
check_grep "the latency set is there" "### 5 ms added to every S3 request" "$out"
# A cold read of an artifact asks S3 at least once: the proxy's counts reach the table.
cold_small=$(printf '%s\n' "$rows" | grep -m1 '^| one small artifact of the latest run | cold |')
check_grep "a cold artifact read is counted for both clients" '\| [1-9][0-9]* \| [1-9][0-9]* \| [0-9.]+ k?B \| [0-9.]+ k?B \|' "$cold_small"
check_grep "the targets are checked" "small cold ≥20×: [0-9.]+× (met|\*\*MISSED\*\*)" "$out"

# An mfsh whose answer differs from Python's: the bench fails and names the row.
cat >"$WORK/wrong-mfsh" <<EOF
#!/usr/bin/env bash
"$MFSH" "\$@"; status=\$?
echo extra
exit \$status
EOF
chmod +x "$WORK/wrong-mfsh"
out=$("$TOP/Scripts/bench-s3" --mfsh "$WORK/wrong-mfsh" --fixtures "$s3_dir" --runs 1 --only small --big-gb 0 \
  --latency-ms 0 2>&1)
check "a differing output fails the bench" "1" "$?"
check_grep "the row is marked" "one small artifact of the latest run \*\*OUTPUT DIFFERS\*\* \| cold" "$out"
check_grep "both outputs are shown" "Outputs differ.* in small cold: Python .*mfsh .*extra" "$out"
check_no_grep "no latency set with --latency-ms 0" "ms added to every S3 request" "$out"

# Wrong use: named, nothing started.
mkdir -p "$WORK/empty"
out=$("$TOP/Scripts/bench-s3" --mfsh "$MFSH" --fixtures "$WORK/empty" 2>&1)
check "no fixtures: an error" "1" "$?"
check_grep "no fixtures: says how to make them" "no fixtures in .*make-s3-fixtures --bench" "$out"
out=$("$TOP/Scripts/bench-s3" --mfsh "$MFSH" --fixtures "$s3_dir" --only small,bogus 2>&1)
check "an unknown row: an error" "1" "$?"
check_grep "an unknown row is named" "unknown row\(s\) bogus" "$out"
check "SeaweedFS is still as it was found" "$before" "$(s3_state)"
finish
