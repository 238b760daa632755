# A task retried by @retry: the default attempt, explicit attempts, and attempts that do not exist.
from metaflow import Flow, Task, DataArtifact

task = Flow('RetryFlow').latest_run['flaky'].task
print(repr(task).replace(task.parent.parent.id, '<run>'), task.current_attempt, task.successful, task.finished, task.data.attempt_seen, task.data.result)
for attempt in range(4):
    at = Task(task.pathspec, attempt=attempt)
    print(f"attempt {attempt}:", repr(at).replace(task.pathspec, '<flaky>'), at.current_attempt,
          at.successful, at.finished, at.finished_at is not None)
    print('   artifacts:', sorted(a.id for a in at), at.exception is None or at.exception.exception)
    if 'attempt_seen' in at:
        print('   attempt_seen:', at['attempt_seen'].data, at.data.attempt_seen,
              repr(at['attempt_seen']).replace(task.pathspec, '<flaky>'))
    print('   stdout:', repr(at.stdout), 'stderr tail:', at.stderr.splitlines()[-1:] if at.stderr else [])
    print('   metadata attempts:', sorted(set(m.value for m in at.metadata if m.name == 'attempt')),
          sorted(m.value for m in at.metadata if m.name == 'attempt_ok'))
print(len([m for m in task.metadata if m.name == 'attempt']), sorted(m.value for m in task.metadata if m.name == 'attempt-done'))
print(DataArtifact(task.pathspec + '/attempt_seen', attempt=1).data, DataArtifact(task.pathspec + '/attempt_seen').data)
for bad in [6, 7, -1, 'x']:
    try:
        Task(task.pathspec, attempt=bad)
        print(bad, 'accepted')
    except Exception as error:
        print(bad, type(error).__name__, str(error))
try:
    DataArtifact(task.pathspec + '/result', attempt=1).data
except Exception as error:
    print(type(error).__name__, str(error).replace(task.pathspec, '<flaky>'))
missing = Task(task.pathspec, attempt=5)  # no metadata for this attempt: no ds-root, so one empty log line
print(repr(missing.stdout), repr(missing.stderr), missing.stdout_size, missing.metadata_dict, list(missing.loglines('stdout')))
