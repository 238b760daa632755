# A run made by `resume`: cloned and re-executed tasks, origin pathspecs, end_task without graph metadata.
from metaflow import Flow, Run

resumed, original = list(Flow('FailFlow'))
print(resumed.successful, resumed.finished, original.successful)
print(resumed.origin_pathspec == original.pathspec, original.origin_pathspec == 'FailFlow/None')
print(resumed.end_task.pathspec == resumed['end'].task.pathspec, resumed.data.total, resumed.data.values)
for step in resumed:
    task = step.task
    origin = task.origin_pathspec
    print(step.id, task.id, task.successful, task.finished,
          'origin:', None if origin is None else origin.replace(original.pathspec, '<original>'))
    meta = task.metadata_dict
    print('   origin-run-id is original:', meta.get('origin-run-id') == original.id,
          'origin-task-id:', meta.get('origin-task-id'))
start = resumed['start'].task
print('clone shares artifacts:', start['values'].sha == original['start'].task['values'].sha, start.data.values)
print('clone logs:', repr(start.stdout), repr(start.stderr))
print('boom now:', resumed['boom'].task.data.total, resumed['boom'].task.exception, resumed['boom'].task.data.attempted)
print(Run(resumed.pathspec)['end'].task.stdout, end='')
print(sorted(a.id for a in resumed['_parameters'].task))
