# The usage patterns of the client API spec, nearly verbatim, on TrainFlow.
from metaflow import Flow, Metaflow, Run, Step, Task, DataArtifact, namespace, get_namespace, default_namespace
from metaflow import get_metadata, default_metadata, metadata

for flow in Metaflow():
    if flow.id == 'TrainFlow':
        print(flow.id)
flow = Flow('TrainFlow')
latest = flow.latest_successful_run
if latest:
    print(f"Latest run: {latest.id}")
    print(f"Accuracy: {latest['end'].task.data.accuracy}")
else:
    print("No successful runs found")
runs = list(flow)[:10]
for run in runs:
    if run.successful:
        accuracy = run['end'].task.data.accuracy
        print(f"Run {run.id}: {accuracy:.3f}")
run = Flow('TrainFlow').latest_run
print(run.id == run.pathspec.split('/')[1], run.pathspec == 'TrainFlow/' + run.id)
step = run['train']
results = []
for task in step:
    results.append({
        'index': task.index,
        'accuracy': task.data.accuracy,
        'params': task.data.params
    })
best = max(results, key=lambda x: x['accuracy'])
print(f"Best params: {best['params']}")
print(f"Best accuracy: {best['accuracy']}")
task = Task(run['join'].task.pathspec)
for parent in task.parent_tasks:
    print(f"Parent: {parent.pathspec}")
    print(f"Result: {parent.data.accuracy}")
for child in task.child_tasks:
    print(f"Child: {child.pathspec}")
for run in Flow('TrainFlow'):
    if 'production' in run.tags:
        print(f"Production run: {run.id}")
production_runs = [run for run in Flow('TrainFlow') if 'production' in run.tags]
print(len(production_runs))
data = Flow('TrainFlow').latest_run['end'].task.data
for artifact_name in dir(data):
    if not artifact_name.startswith('_'):
        print(artifact_name)
task = Flow('TrainFlow').latest_run['end'].task
for m in task.metadata:
    if m.name in ('attempt', 'runtime', 'user'):
        print(f"{m.name}: {m.value}")
metadata_dict = task.metadata_dict
print(metadata_dict['attempt'])
print(metadata_dict['runtime'])
artifact = DataArtifact(task.pathspec + '/model')
print(artifact.id, artifact.data, artifact.sha == task['model'].sha, artifact.size)
print(get_namespace())
namespace(None)
print(get_namespace(), len(list(Flow('TrainFlow'))))
default_namespace()
print(get_namespace(), len(list(Flow('TrainFlow'))))
print(get_metadata())
print(get_metadata() == default_metadata(), get_metadata().startswith('local@'))
print(metadata('local'))
