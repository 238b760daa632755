# A run killed with SIGKILL in the middle of a step: what an unfinished task looks like.
from metaflow import Flow

run = Flow('SlowFlow').latest_run
print(run.successful, run.finished, run.finished_at, run.end_task, run.data, 'end' in run)
print([step.id for step in run])
task = run['slow'].task
print(task.successful, task.finished, task.finished_at, task.exception, task.current_attempt, task.index)
print(sorted(a.id for a in task), list(task.artifacts), repr(task.stdout), task.stdout_size, task.stderr_size)
print(sorted(task.metadata_dict))
print(task.data, 'x' in task.data)
try:
    list(task.parent_tasks)
except Exception as error:
    print(type(error).__name__, str(error))
try:
    task['planned_seconds']
except KeyError as error:
    print('KeyError', str(error))
start = run['start'].task
print(start.successful, start.data.planned_seconds, sorted(t.pathspec.split('/', 2)[2] for t in start.child_tasks))
print(run['slow'].finished_at, run['start'].finished_at is not None)
short = list(Flow('SlowFlow'))[1]
print(short.successful, short.data.planned_seconds, short['end'].task.stdout, end='')
