# spec: Flow Objects
# --- spec block
from metaflow import Flow
# Get a flow
flow = Flow('MyFlow')
# Get the latest run
latest_run = flow.latest_run
# Get a specific run
run = flow['RunID']
# Iterate over all runs
for run in flow:
    print(f"Run: {run.id}, Created: {run.created_at}")
