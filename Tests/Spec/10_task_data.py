# spec: Task Data
from metaflow import Flow
run = Flow('MyFlow').latest_run
# --- spec block
task = run['train'].task
# Access data container
data = task.data
# Access specific artifacts
print(data.model) # The model artifact
print(data.accuracy) # The accuracy artifact
print(data.loss) # The loss artifact
# Check if artifact exists
if 'model' in task.data:
    model = data.model
# Iterate over artifact names
for artifact_name in dir(data):
    if not artifact_name.startswith('_'):
        print(artifact_name)
# Get all metadata
for m in task.metadata:
    print(f"{m.name}: {m.value}")
# Get metadata as dict (latest values)
metadata = task.metadata_dict
print(metadata['attempt'])
print(metadata['runtime'])
