# spec: Task Objects
from metaflow import Flow, Task
step = Flow('MyFlow').latest_run['train']
# --- spec block
# Get a task
task = Task('MyFlow/123/train/456')
# Or from a step
task = step.task
# Access task properties
print(task.id) # Task ID
print(task.pathspec) # 'MyFlow/123/train/456'
print(task.index) # Index in foreach (or None)
print(task.created_at) # Datetime
print(task.finished_at) # Datetime
print(task.successful) # Boolean
print(task.finished) # Boolean
print(task.exception) # Exception object (if failed)
print(task.tags) # Set of tags
