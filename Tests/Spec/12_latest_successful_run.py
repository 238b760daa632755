# spec: Common Patterns / Get Latest Successful Run
from metaflow import Flow
# --- spec block
flow = Flow('MyFlow')
latest = flow.latest_successful_run
if latest:
    print(f"Latest run: {latest.id}")
    print(f"Accuracy: {latest['end'].task.data.accuracy}")
else:
    print("No successful runs found")
