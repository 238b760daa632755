# D3: a script's open(..., "w"/"a"/"x") never lands inside the datastore, whatever the path says
# (a symlink to .metaflow, /proc/self/cwd, a root configured through a symlink, a bind mount, a
# link as the file's own name).
source "$TOP/Tests/Hardening/lib.sh"
ds=$(demo_copy)
cd "$ds"
run=$(ls .metaflow/TrainFlow | grep -v data | head -1)
self=".metaflow/TrainFlow/$run/_meta/_self.json"
blob=$(find .metaflow/TrainFlow/data -type f ! -name '*_meta' | head -1)
snapshot() { (cd "$ds" && find .metaflow -printf '%p %y %s %m\n' | sort; find .metaflow -type f -exec sha256sum {} + | sort); }
before=$(snapshot)

ln -s "$ds/.metaflow" "$WORK/alias"
ln -s "$ds" "$WORK/rootlink"
ln -s "$ds/$self" "$WORK/report.json"
mkdir -p "$WORK/bind"
mount --bind "$ds/.metaflow" "$WORK/bind" 2>"$WORK/mount.err" || { echo "FAIL: mount --bind is needed: $(cat "$WORK/mount.err")"; exit 1; }
trap 'umount "$WORK/bind" 2>/dev/null' EXIT

attempt() {  # name mode path [env...]: the open must fail with PermissionError
  local name=$1 mode=$2 path=$3; shift 3
  out=$(env TARGET="$path" "$@" "$MFSH" -c "
import os
try:
    with open(os.getenv('TARGET'), '$mode') as f:
        f.write('pwned')
    print('written')
except OSError as e:
    print(type(e).__name__)
" 2>&1)
  check "$name ($mode)" "PermissionError" "$out"
}
for mode in w a x; do
  attempt "the run record, named directly" $mode "$self"
  attempt "through a symlink to .metaflow" $mode "$WORK/alias/TrainFlow/$run/_meta/_self.json"
  attempt "through /proc/self/cwd" $mode "/proc/self/cwd/$self"
  attempt "a blob, root configured through a symlink" $mode "$ds/$blob" METAFLOW_DATASTORE_SYSROOT_LOCAL="$WORK/rootlink"
  attempt "through a bind mount of the root" $mode "$WORK/bind/TrainFlow/$run/_meta/_self.json"
  attempt "a link outside naming a file inside" $mode "$WORK/report.json"
  attempt "a new file in the datastore" $mode ".metaflow/TrainFlow/new-file"
done
check "the datastore is unchanged" "$before" "$(snapshot)"

out=$("$MFSH" -c "
with open('$WORK/out.txt', 'w') as f: f.write('report\n')
with open('$WORK/out.txt', 'a') as f: f.write('more\n')
print(open('$WORK/out.txt').read(), end='')" 2>&1)
check "writing outside the datastore still works" "report
more" "$out"

finish
