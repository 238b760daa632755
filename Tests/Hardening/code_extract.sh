# D2: extracting a crafted code package never writes outside its temporary folder, refuses
# absolute and escaping links, bounds depth, and removes the partial folder when it refuses.
# The packages are crafted here with Python's tarfile and put in place of CodePkgFlow's real one
# in a scratch copy of the generated fixtures.
source "$TOP/Tests/Hardening/lib.sh"
src="$TOP/Tests/Fixtures/generated/.metaflow/CodePkgFlow"
[ -d "$src" ] || { echo "FAIL: $src is missing: run Scripts/make-fixtures first"; exit 1; }
mkdir -p "$WORK/ds/.metaflow" "$WORK/tmp" "$WORK/outside"
cp -r "$src" "$WORK/ds/.metaflow/"
cd "$WORK/ds"
export TMPDIR="$WORK/tmp"
sha=$("$MFSH" -c 'print(Flow("CodePkgFlow").latest_run.code.path.split("/")[-1])' 2>&1)
blob="$WORK/ds/.metaflow/CodePkgFlow/data/${sha:0:2}/$sha"
[ -f "$blob" ] || { echo "FAIL: no code-package blob at $blob ($sha)"; exit 1; }

# craft CASE: writes the package for CASE in place of the run's own.
craft() {
  "$PY" - "$1" "$blob" "$WORK/outside" <<'PY'
import gzip, io, json, os, sys, tarfile
case, blob, outside = sys.argv[1:]
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
    def add(name, data=None, link=None, kind=None):
        info = tarfile.TarInfo(name)
        if kind == "dir":
            info.type = tarfile.DIRTYPE; info.mode = 0o755; tar.addfile(info); return
        if link is not None:
            info.type = tarfile.SYMTYPE if kind != "hard" else tarfile.LNKTYPE
            info.linkname = link; tar.addfile(info); return
        data = data.encode()
        info.size = len(data); info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))
    add(".mf_install", "")
    add(".mf_meta/INFO", json.dumps({"script": "flow.py"}))
    add("flow.py", "print('flow')\n")
    if case == "absolute-link":
        add("sub", kind="dir"); add("sub/abslink", link=outside); add("sub/abslink/f", "pwned")
    elif case == "chained-links":
        add("s", link="."); add("t", link="s/.."); add("t/f", "pwned")
    elif case == "late-link":   # each link looks inside when made; together they lead out
        add("t", link="s/.."); add("s", link=".")
    elif case == "dotdot-link":
        add("d", kind="dir"); add("d/up", link="../.."); 
    elif case == "deep":
        add("a/" * 200000 + "f", "deep")
    elif case == "good":
        add("pkg", kind="dir"); add("pkg/mod.py", "x = 1\n"); add("pkg/alias.py", link="mod.py")
        add("top", link="pkg/mod.py"); add("dup.txt", "first\n"); add("dup.txt", "second\n")
        add("hard.py", link="pkg/mod.py", kind="hard")
tgz = buf.getvalue()
meta = json.load(open(blob + "_meta")) if os.path.exists(blob + "_meta") else {}
with open(blob, "wb") as f:
    f.write(tgz if meta.get("cas_raw") else gzip.compress(tgz))
PY
}

extract='
try:
    with Flow("CodePkgFlow").latest_run.code.extract() as d:
        import os
        print(sorted(os.listdir(d)))
except Exception as e:
    print(type(e).__name__ + ":", e)
'
for case in absolute-link chained-links late-link dotdot-link deep; do
  craft "$case"
  start=$(date +%s)
  out=$("$MFSH" -c "$extract" 2>&1)
  check_grep "$case: refused, naming why" "^MetaflowException: refusing to extract '" "$out"
  check "$case: nothing written outside" "" "$(ls -A "$WORK/outside"; ls -A "$WORK/tmp" | grep -v '^tmp' )"
  check "$case: the partial folder is removed" "" "$(ls -A "$WORK/tmp")"
  check "$case: refused within 5 s" "1" "$(( $(date +%s) - start <= 5 ))"
done

craft good
# The same checks by CPython on the same package extracted by tarfile: the oracle.
show='
print(sorted(os.listdir(d)), sorted(os.listdir(d + "/pkg")))
print(open(d + "/top").read(), open(d + "/pkg/alias.py").read(), open(d + "/dup.txt").read(), open(d + "/hard.py").read(), sep="")
print(os.path.isfile(d + "/top"), os.path.isdir(d + "/pkg"))
'
expected=$("$PY" -c "
import gzip, json, os, shutil, sys, tarfile, tempfile
blob = sys.argv[1]
raw = open(blob, 'rb').read()
if not json.load(open(blob + '_meta')).get('cas_raw'): raw = gzip.decompress(raw)
tmp = tempfile.mkdtemp()
open(tmp + '/p.tgz', 'wb').write(raw)
d = tmp + '/x'
tarfile.open(tmp + '/p.tgz').extractall(d)
$show
shutil.rmtree(tmp)" "$blob" 2>&1)
actual=$("$MFSH" -c "
import os
with Flow('CodePkgFlow').latest_run.code.extract() as d:
$(printf '%s\n' "$show" | sed 's/^/    /')" 2>&1)
check "a good package (links inside, a duplicate member, a hard link) extracts as tarfile does" "$expected" "$actual"
check "the good package's folder is removed after the block" "" "$(ls -A "$WORK/tmp")"
finish
