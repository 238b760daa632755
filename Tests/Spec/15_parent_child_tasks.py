# spec: Common Patterns / Access Parent/Child Tasks
from metaflow import Task
# --- spec block
task = Task('MyFlow/123/join/456')
# Get parent tasks
for parent in task.parent_tasks:
    print(f"Parent: {parent.pathspec}")
    print(f"Result: {parent.data.result}")
# Get child tasks
for child in task.child_tasks:
    print(f"Child: {child.pathspec}")
