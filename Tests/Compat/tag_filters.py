# Tag filters: flow.runs(*tags), run.steps(*tags), step.tasks(*tags) are an AND over user + system
# tags of the run, applied after the namespace; tags of steps and tasks are the run's.
from metaflow import Flow, namespace

flow = Flow('TrainFlow')
for tags in [(), ('production',), ('team:ml',), ('production', 'team:ml'), ('user:alice',), ('user:bob',),
             ('runtime:dev', 'python_version:3.11.7'), ('production', 'nosuch'), ('reviewed',)]:
    runs = list(flow.runs(*tags))
    print(tags, len(runs), [r.data.epochs for r in runs])
namespace(None)
flow = Flow('TrainFlow')
print('None production:', [sorted(r.user_tags) for r in flow.runs('production')])
print('None user:bob:', [r.data.epochs for r in flow.runs('user:bob')])
namespace('user:alice')
run = [r for r in Flow('TrainFlow').runs('team:ml')][0]
print([s.id for s in run.steps('production')], [s.id for s in run.steps('team:ml', 'user:alice')], list(run.steps('user:bob')))
train = run['train']
print(len(list(train.tasks('production'))), len(list(train.tasks('nosuch'))))
task = train.task
print(task.tags == run.tags, task['accuracy'].tags == run.tags, train.tags == run.tags)
print(sorted(task.user_tags), sorted(task.system_tags))
param = [r for r in Flow('ParamFlow').runs('reviewed')]
print('added after the run:', len(param), sorted(param[0].user_tags), sorted(param[0]['start'].task.user_tags))
print([r.id for r in Flow('ParamFlow').runs('reviewed', 'user:alice')] == [r.id for r in param])
