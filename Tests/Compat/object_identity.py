# id, pathspec, path_components, parent, str/repr of every object type, built both by walking and
# by direct construction.
from metaflow import Flow, Run, Step, Task, DataArtifact

flow = Flow('TrainFlow')
run = flow.latest_run
step = run['train']
task = sorted(step, key=lambda t: t.index)[0]
artifact = task['accuracy']


def masked(text):
    return text.replace(run.id, '<run>')


for obj in [flow, run, step, task, artifact]:
    print(type(obj).__name__, masked(obj.id), masked(obj.pathspec), [masked(c) for c in obj.path_components])
    print('   str', masked(str(obj)), 'repr', masked(repr(obj)), 'parent', None if obj.parent is None else masked(repr(obj.parent)))
same = [Flow('TrainFlow'), Run(run.pathspec), Step(step.pathspec), Task(task.pathspec), DataArtifact(artifact.pathspec)]
print([a.pathspec == b.pathspec for a, b in zip([flow, run, step, task, artifact], same)])
print(same[4].data, same[4].sha == artifact.sha, same[3].index, same[2].task.index is not None)
print(flow.parent, run.parent.id, task.parent.parent.id == run.id)
print(artifact.size, artifact.sha, len(artifact.sha), artifact.data, type(artifact.data).__name__)
for name in ['params', 'model', 'name', '_task_ok', '_foreach_stack']:
    a = task[name]
    print(name, a.size, a.sha, a.id)
print(task['_task_ok'].sha == run['end'].task['_task_ok'].sha, task['name'].sha == run['start'].task['name'].sha)
print(task.runtime_name, task.environment_info, step.environment_info)
print(Task(task.pathspec, attempt=0).pathspec == task.pathspec, masked(repr(Task(task.pathspec, attempt=0))))
print(masked(repr(DataArtifact(artifact.pathspec, attempt=0))))
