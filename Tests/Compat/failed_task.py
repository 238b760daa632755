# A run whose step raised: run and task state, the exception artifact, the stderr traceback.
from metaflow import Flow

failed = list(Flow('FailFlow'))[1]
print(failed.successful, failed.finished, failed.finished_at, failed.end_task, failed.data)
print([step.id for step in failed], 'end' in failed)
boom = failed['boom'].task
print('boom:', boom.successful, boom.finished, boom.finished_at is not None, boom.current_attempt)
error = boom.exception
print(type(error).__name__, error.type, error.exception)
print(repr(error.exception))
print(str(error).splitlines()[0], '|', str(error).splitlines()[-1])
print(str(error) == error.stacktrace, repr(error) == str(error))
print(sorted(a.id for a in boom), boom.data.attempted, 'total' in boom.data)
print(boom['_task_ok'].data, boom['_success'].data, boom['_exception'].data.type)
stderr = boom.stderr.splitlines()
print(stderr[0])
print(stderr[1])
print(stderr[2])
print(stderr[-1])
print(repr(boom.stdout))
start = failed['start'].task
print('start:', start.successful, start.finished, start.exception, start.data.values)
print(failed['boom'].finished_at is not None, failed['start'].finished_at is not None)
