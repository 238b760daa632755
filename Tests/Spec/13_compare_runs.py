# spec: Common Patterns / Compare Runs
from metaflow import Flow
# --- spec block
flow = Flow('MyFlow')
# Get last 10 runs
runs = list(flow)[:10]
# Compare accuracies
for run in runs:
    if run.successful:
        accuracy = run['end'].task.data.accuracy
        print(f"Run {run.id}: {accuracy:.3f}")
