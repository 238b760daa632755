# spec: Common Patterns / Analyze Foreach Results
from metaflow import Flow
# --- spec block
run = Flow('MyFlow').latest_run
step = run['train'] # Foreach step
# Collect results from all tasks
results = []
for task in step:
    results.append({
        'index': task.index,
        'accuracy': task.data.accuracy,
        'params': task.data.params
    })
# Find best result
best = max(results, key=lambda x: x['accuracy'])
print(f"Best params: {best['params']}")
print(f"Best accuracy: {best['accuracy']}")
