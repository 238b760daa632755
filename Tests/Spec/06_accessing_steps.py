# spec: Accessing Steps
from metaflow import Flow
run = Flow('MyFlow').latest_run
# --- spec block
# Get a specific step
step = run['start']
# Iterate over all steps
for step in run:
    print(f"Step: {step.id}")
# Get step by name
if 'train' in run:
    train_step = run['train']
# --- checks
print(train_step)
