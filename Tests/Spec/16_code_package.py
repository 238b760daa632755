# spec: Common Patterns / Download Code Package
# compat-mask: /tmp/tmp[a-z0-9_]{8}
from metaflow import Flow
# --- spec block
run = Flow('MyFlow').latest_run
# Access code used for this run
if run.code:
    print(f"Script: {run.code.script_name}")
    print(f"Location: {run.code.path}")
    # Get source code
    print(run.code.flowspec)
    # Extract to directory
    with run.code.extract() as tmp_dir:
        print(f"Code extracted to: {tmp_dir}")
        # Use files in tmp_dir...
