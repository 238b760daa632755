# latest_run / latest_successful_run: newest by creation time (tag mutation counts), failed and
# killed runs included in latest_run, per namespace.
from metaflow import Flow, Metaflow, namespace


def describe(run):
    if run is None:
        return None
    return f"successful={run.successful} finished={run.finished} user_tags={sorted(run.user_tags)} users={sorted(t for t in run.system_tags if t.startswith('user:'))}"


for ns in ['user:alice', None, 'user:bob', 'production']:
    namespace(ns)
    print('== namespace', ns)
    for flow in sorted(Metaflow(), key=lambda f: f.id):
        latest = flow.latest_run
        success = flow.latest_successful_run
        print(flow.id, 'latest:', describe(latest))
        print('   latest successful is latest:', success is not None and success.id == latest.id,
              'successful:', describe(success))
        print('   latest is first:', list(flow)[0].id == latest.id)
namespace('user:alice')
train = Flow('TrainFlow')
print(train.latest_run['end'].task.data.epochs, train.latest_successful_run.data.accuracy)
print([r.data.epochs for r in train], [f"{r.data.accuracy:.3f}" for r in train if r.successful])
param = Flow('ParamFlow')
print('tagged run became latest:', 'reviewed' in param.latest_run.tags, param.latest_run.data.greeting)
fail = Flow('FailFlow')
print('FailFlow latest is the resumed run:', fail.latest_run.successful, fail.latest_run.origin_pathspec != 'FailFlow/None')
slow = Flow('SlowFlow')
print('SlowFlow latest is killed:', slow.latest_run.finished, slow.latest_successful_run.data.planned_seconds)
