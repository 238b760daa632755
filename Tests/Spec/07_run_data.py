# spec: Run Data
from metaflow import Flow
# --- spec block
run = Flow('MyFlow').latest_run
# Access data from a specific step
data = run['end'].task.data
print(data.accuracy)
print(data.model)
