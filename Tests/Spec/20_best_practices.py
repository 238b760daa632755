# spec: Best Practices (the check-existence snippet; the "cache flow objects" one has a loop whose
# body is only a comment, which is not valid Python as written)
from metaflow import Flow
task = Flow('MyFlow').latest_run['train'].task
# --- spec block
if 'model' in task.data:
    model = task.data.model
# --- checks
print(model)
