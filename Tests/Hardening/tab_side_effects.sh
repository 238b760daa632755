# Issue #17's first safety defect: Tab never runs anything that can write or run user code.
# Completing after a tag mutation (`….add_tag("x").`) used to add the tag; a call nested in a
# constructor or a user function, property, __getattr__ or __getitem__ ran too. Every tag method
# is tried through `mfsh --complete` (the completer the REPL uses), and the user-code cases by
# pressing Tab in the REPL under tmux; the datastore and a marker file must stay untouched.
source "$TOP/Tests/Hardening/lib.sh"
need tmux
ds=$(demo_copy)
cd "$ds"
snapshot() { (cd "$ds" && find .metaflow -type f -exec sha256sum {} + | sort); }
before=$(snapshot)
run='Flow("TrainFlow").latest_run'
for call in 'add_tag("x")' 'add_tags(["x", "y"])' 'remove_tag("team:ml")' 'remove_tags(["team:ml"])' \
            'replace_tag("team:ml", "z")' 'replace_tags(["team:ml"], ["z"])'; do
  "$MFSH" --complete "$run.$call." >/dev/null 2>&1
  "$MFSH" --complete "$run.$call.tags[" >/dev/null 2>&1
  "$MFSH" --complete "Flow($run.$call)." >/dev/null 2>&1
  "$MFSH" --complete "Run(str($run.$call))." >/dev/null 2>&1
  check "Tab after .$call. writes nothing" "$before" "$(snapshot)"
done
check "completion itself still works" "finished
finished_at" "$("$MFSH" --complete "$run.fin" 2>&1)"
check "… through keys and attributes" "accuracy" "$("$MFSH" --complete "$run[\"end\"].task.data.acc" 2>&1)"

cat > "$WORK/defs.mfs" <<PY
def touch(name):
    open("$WORK/" + name, "w").write("ran")
    return Flow("TrainFlow")
class Sneaky:
    @property
    def prop(self):
        touch("property")
        return self
    def __getattr__(self, name):
        touch("getattr")
        return self
    def __getitem__(self, key):
        touch("getitem")
        return self
s = Sneaky()
PY
tmux kill-session -t mfsh-tab 2>/dev/null
tmux new-session -d -s mfsh-tab -x 120 -y 30 "cd '$ds' && HOME='$HOME' USERNAME=alice '$MFSH' -i '$WORK/defs.mfs'"
sleep 1
for text in 'touch("call").' 'Flow(touch("nested").id).' 's.prop.' 's.missing.' 's["k"].' "$run.add_tag(touch('arg').id)."; do
  tmux send-keys -t mfsh-tab "$text" Tab Tab
  sleep 0.5
  tmux send-keys -t mfsh-tab C-u
done
tmux send-keys -t mfsh-tab 'print("alive")' Enter
sleep 0.5
screen=$(tmux capture-pane -t mfsh-tab -p)
tmux kill-session -t mfsh-tab 2>/dev/null
check_grep "the REPL is alive after the Tabs" "^alive" "$screen"
check "no user code ran for a Tab" "" "$(cd "$WORK" && ls call nested property getattr getitem arg 2>/dev/null)"
check "the datastore is untouched" "$before" "$(snapshot)"
finish
