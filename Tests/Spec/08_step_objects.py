# spec: Step Objects
from metaflow import Flow, Step
run = Flow('MyFlow').latest_run
# --- spec block
# Get a step
step = Step('MyFlow/123/train')
# Or from a run
step = run['train']
# Access step properties
print(step.id) # Step name
print(step.pathspec) # 'MyFlow/123/train'
print(step.created_at) # Datetime
print(step.finished_at) # Datetime (if completed)
# Get the task (or first task if multiple)
task = step.task
# Iterate over all tasks (in foreach steps)
for task in step:
    print(f"Task: {task.id}, Index: {task.index}")
