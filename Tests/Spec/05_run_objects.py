# spec: Run Objects
from metaflow import Flow
# --- spec block
from metaflow import Run
# Get a run directly
run = Run('MyFlow/123')
# Or from a flow
run = Flow('MyFlow').latest_run
# Access run properties
print(run.id) # Run number
print(run.pathspec) # 'MyFlow/123'
print(run.created_at) # Datetime
print(run.finished_at) # Datetime (if completed)
print(run.successful) # Boolean
print(run.finished) # Boolean
print(run.tags) # Set of all tags
print(run.user_tags) # Set of user tags
print(run.system_tags) # Set of system tags
