# spec: Flow Attributes
from metaflow import Flow
# --- spec block
flow = Flow('MyFlow')
print(flow.id) # Flow name
print(flow.latest_run) # Most recent run
print(flow.latest_successful_run) # Most recent successful run
