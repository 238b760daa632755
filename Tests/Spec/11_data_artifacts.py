# spec: DataArtifact Objects
from metaflow import DataArtifact, Task
task = Task('MyFlow/123/train/456')
# --- spec block
# Get a specific artifact
artifact = DataArtifact('MyFlow/123/train/456/model')
# Or from a task
artifact = task['model']
# Access artifact properties
print(artifact.id) # Artifact name ('model')
print(artifact.data) # The actual Python object
print(artifact.sha) # Unique content hash
print(artifact.size) # Size in bytes
print(artifact.created_at) # Datetime
