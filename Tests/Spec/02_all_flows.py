# spec: Getting Started (the entry point)
# --- spec block
from metaflow import Metaflow
# List all flows
for flow in Metaflow():
    print(flow.id)
