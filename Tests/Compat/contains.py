# `in` on every object: flows, runs, steps, tasks, data; `in` ignores the namespace.
from metaflow import Flow, Metaflow, namespace

flow = Flow('TrainFlow')
run = flow.latest_run
task = run['train'].task
namespace(None)
bob_run_id = Flow('TrainFlow').latest_run.id
namespace('user:alice')
print('run id in flow:', run.id in flow, bob_run_id in flow, '999' in flow, '' in flow)
print('steps in run:', 'train' in run, 'end' in run, '_parameters' in run, 'nosuch' in run, '' in run)
if 'train' in run:
    print('train step has', len(list(run['train'])), 'tasks')
print('task ids in step:', task.id in run['train'], '999' in run['train'], run['start'].task.id in run['train'])
print('artifacts in task:', 'accuracy' in task, '_foreach_stack' in task, 'nosuch' in task)
print('artifacts in data:', 'accuracy' in task.data, 'params' in task.data, '_foreach_stack' in task.data, 'nosuch' in task.data)
if 'model' in task.data:
    print('model:', task.data.model)
print('tags:', 'production' in run.tags, 'user:alice' in run.tags, 'user:alice' in run.system_tags, 'user:alice' in run.user_tags)
print('flows:', 'TrainFlow' in [f.id for f in Metaflow()])
print(type(run.tags).__name__, type(run.user_tags).__name__, type(run.system_tags).__name__)
