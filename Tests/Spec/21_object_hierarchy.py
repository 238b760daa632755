# spec: Object Hierarchy (each level by pathspec)
from metaflow import Flow, Run, Step, Task, DataArtifact
# --- spec block
Flow('MyFlow')
Run('MyFlow/123')
Step('MyFlow/123/train')
Task('MyFlow/123/train/456')
DataArtifact('MyFlow/123/train/456/model')
# --- checks
print(DataArtifact('MyFlow/123/train/456/model').data)
