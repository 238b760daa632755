# Issue #17's second safety defect: a setting mfsh cannot honour is an error that names it, never
# a silent read of local files (a wrong answer that looks right). A metadata provider other than
# local and service, a datastore other than local and S3 (azure, gs), from the environment or a config file, and a
# --datastore-root that does not exist or holds no .metaflow: status 2 and a message naming the
# setting and value. METAFLOW_DEFAULT_METADATA=service is supported now: without a URL it is Python's
# error, and an unreachable URL is named, never a read of local files.
source "$TOP/Tests/Hardening/lib.sh"
ds=$(demo_copy)
cd "$ds"
query='print(Flow("TrainFlow").latest_run)'

out=$(METAFLOW_DEFAULT_METADATA=spin "$MFSH" -c "$query" 2>&1); rc=$?
check "METAFLOW_DEFAULT_METADATA=spin: status 2" "2" "$rc"
check_grep "  ... names the setting, its value and where it came from" "^mfsh: METAFLOW_DEFAULT_METADATA='spin' \(from the environment\): .*local metadata or the metadata service only" "$out"
out=$(METAFLOW_DEFAULT_METADATA=service "$MFSH" -c "$query" 2>&1); rc=$?
check "METAFLOW_DEFAULT_METADATA=service without a URL: status 1" "1" "$rc"
check_grep "  ... Python's error" "^metaflow.exception.MetaflowException: Missing Metaflow Service URL. Specify with METAFLOW_SERVICE_URL" "$out"
out=$(METAFLOW_DEFAULT_DATASTORE=azure "$MFSH" -c "$query" 2>&1); rc=$?
check "METAFLOW_DEFAULT_DATASTORE=azure: status 2" "2" "$rc"
check_grep "  ... names it" "^mfsh: METAFLOW_DEFAULT_DATASTORE='azure' \(from the environment\): .*local and S3 datastores only" "$out"
mkdir -p "$HOME/.metaflowconfig"
echo '{"METAFLOW_DEFAULT_DATASTORE": "gs"}' > "$HOME/.metaflowconfig/config.json"
out=$("$MFSH" -c "$query" 2>&1); rc=$?
check "the same in ~/.metaflowconfig/config.json: status 2" "2" "$rc"
check_grep "  ... names the config file" "^mfsh: METAFLOW_DEFAULT_DATASTORE='gs' \(from the Metaflow config file" "$out"
# S3 as the default: runs that record a local root are still read there, as Python's client does.
rm -f "$HOME/.metaflowconfig/config.json"
expected=$(METAFLOW_DEFAULT_DATASTORE=s3 "$PY" -c "from metaflow import Flow; $query" 2>&1)
check "METAFLOW_DEFAULT_DATASTORE=s3 on local runs: read where they say, as Python" "$expected" \
  "$(METAFLOW_DEFAULT_DATASTORE=s3 "$MFSH" -c "$query" 2>&1)"
echo '{"METAFLOW_DEFAULT_METADATA": "service", "METAFLOW_SERVICE_URL": "http://127.0.0.1:9"}' > "$HOME/.metaflowconfig/config.json"
out=$(METAFLOW_SERVICE_RETRY_COUNT=1 "$MFSH" -c "$query" 2>&1); rc=$?
check "the service from the config file, nothing listening: status 1" "1" "$rc"
check_grep "  ... names the URL and what happened" "^metaflow.plugins.metadata_providers.service.ServiceException: Metadata request \(/flows/TrainFlow\) failed: http://127.0.0.1:9/flows/TrainFlow: connection refused" "$out"
rm "$HOME/.metaflowconfig/config.json"
check "METAFLOW_DEFAULT_METADATA=local is fine" "0" "$(METAFLOW_DEFAULT_METADATA=local METAFLOW_DEFAULT_DATASTORE=local "$MFSH" -c "$query" >/dev/null 2>&1; echo $?)"

out=$("$MFSH" --datastore-root "$WORK/no-such-folder" -c 'print(Metaflow().flows)' 2>&1); rc=$?
check "--datastore-root that does not exist: status 2" "2" "$rc"
check "  ... says so" "mfsh: --datastore-root '$WORK/no-such-folder': no such folder" "$out"
mkdir -p "$WORK/empty"
out=$("$MFSH" --datastore-root "$WORK/empty" -c 'print(Metaflow().flows)' 2>&1); rc=$?
check "--datastore-root without .metaflow: status 2" "2" "$rc"
check_grep "  ... says so" "^mfsh: --datastore-root '$WORK/empty': it holds no .metaflow folder" "$out"
check_no_grep "no internal type name in any of these messages" "PyException|MFSInterpreter|MetaflowClient\.|Swift" "$out"
check "--datastore-root of a real datastore still works" "True" "$(cd / && "$MFSH" --datastore-root "$ds" -c 'print(len(Metaflow().flows) > 0)' 2>&1)"
finish
