# compat-env: TZ=America/New_York
# created_at / finished_at in a zone with DST: the same naive local datetimes, shifted.
from metaflow import Flow, namespace

namespace(None)
run = Flow('TrainFlow').latest_run
task = run['end'].task
print(type(run.created_at).__name__, run.created_at.tzinfo, run.created_at.microsecond % 1000)
for obj in [Flow('TrainFlow'), run, run['end'], task, task['accuracy']]:
    print(type(obj).__name__, obj.created_at, obj.created_at.isoformat())
print('finished_at:', run.finished_at, task.finished_at, run['end'].finished_at, run['train'].finished_at)
print(task['accuracy'].finished_at == task['accuracy'].created_at, task.finished_at == task['_task_ok'].created_at)
print(run.finished_at == task.finished_at, run['train'].finished_at == max(t.finished_at for t in run['train']))
print(run.created_at <= run['start'].created_at <= task.created_at <= task.finished_at)
print(str(run.created_at)[:4], run.created_at.year > 2000, run.created_at.strftime('%Y-%m-%d %H:%M'))
print((task.finished_at - run.created_at).total_seconds() < 600)
meta = [m for m in task.metadata if m.name == 'attempt'][0]
print(type(meta.created_at).__name__, abs(meta.created_at / 1000 - task.created_at.timestamp()) < 60)
killed = Flow('SlowFlow').latest_run
print('killed:', killed.finished_at, killed['slow'].finished_at, killed['slow'].task.finished_at, killed['start'].finished_at is not None)
failed = list(Flow('FailFlow'))[1]
print('failed:', failed.finished_at, failed['boom'].task.finished_at is not None)
for run in Flow('ParamFlow'):
    print('ParamFlow', sorted(run.user_tags), run.created_at)
print(Flow('TrainFlow').created_at)
