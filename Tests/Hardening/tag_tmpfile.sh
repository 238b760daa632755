# D3b: tag mutation's temporary file cannot be redirected by a link planted at its name by
# someone else who can write to a shared datastore.
source "$TOP/Tests/Hardening/lib.sh"
ds=$(demo_copy)
cd "$ds"
run=$(ls .metaflow/TrainFlow | grep -v data | head -1)
self=".metaflow/TrainFlow/$run/_meta/_self.json"
# A symlink planted where the old code put its temporary file (<file>.mfsh-tmp-<pid>); the
# shell's pid is mfsh's after exec.
echo "victim's own data" > "$WORK/victim"
sh -c 'ln -s "$1" "$2.mfsh-tmp-$$"; exec "$3" -c "$4"' _ "$WORK/victim" "$ds/$self" "$MFSH" \
  "r = Run('TrainFlow/$run'); r.add_tag('hardening'); print(sorted(Run('TrainFlow/$run').user_tags))" > "$WORK/tag.out" 2>&1
check_grep "tagging works beside a planted link" "'hardening'" "$(cat "$WORK/tag.out")"
check "the planted link's target is untouched" "victim's own data" "$(cat "$WORK/victim")"
check "the run record is a regular file" "regular file" "$(stat -c %F "$ds/$self")"
check "no temporary file is left behind" "1" "$(ls -a "$ds/.metaflow/TrainFlow/$run/_meta" | grep -c mfsh-tmp)"
out=$("$PY" -c "
import json, sys; r = json.load(open(sys.argv[1])); print('hardening' in r['tags'], r['run_number'] == sys.argv[2])" "$ds/$self" "$run" 2>&1)
check "the rewritten record is valid JSON with the tag" "True True" "$out"
finish
