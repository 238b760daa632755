# spec: Common Patterns / tags
from metaflow import Flow
# --- spec block
# Get runs with specific tags
for run in Flow('MyFlow'):
    if 'production' in run.tags:
        print(f"Production run: {run.id}")
# Filter in iteration
production_runs = [
    run for run in Flow('MyFlow')
    if 'production' in run.tags
]
# --- checks
print(production_runs)
