# spec: Getting Started
# --- spec block
from metaflow import Flow, Run, Step, Task, DataArtifact, Metaflow
# --- checks
print(Flow, Run, Step, Task, DataArtifact, Metaflow)
