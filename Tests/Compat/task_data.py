# task.data (MetaflowData): membership, attribute access, dir(), and what counts as public.
from metaflow import Flow

run = Flow('TrainFlow').latest_run
for step_name in ['start', 'train', 'join', 'end']:
    task = run[step_name].task
    data = task.data
    public = sorted(name for name in dir(data) if not name.startswith('_'))
    print(step_name, public)
    print('  in data:', 'accuracy' in data, 'name' in data, '_task_ok' in data, 'nosuch' in data)
    print('  in task:', 'accuracy' in task, '_task_ok' in task, 'nosuch' in task)
    print('  iterated:', sorted(a.id for a in task) == public)
    print('  private by name:', task['_task_ok'].data, task['_success'].data, task['_exception'].data)
    print('  str(data) names:', sorted(str(data)[len('<MetaflowData: '):-1].split(', ')) == public)
    print('  artifacts tuple:', sorted(task.artifacts._fields) == public, len(task.artifacts))
end = run['end'].task
print(end.artifacts.accuracy.data, end.artifacts.accuracy.id, end.artifacts.accuracy.pathspec == end.pathspec + '/accuracy')
print(end['_transition'].data, end['_foreach_stack'].data, end['_current_step'].data)
print(run['train'].task['_transition'].data, run['start'].task['_transition'].data)
print(run['start'].task['_foreach_num_splits'].data, run['start'].task['_foreach_var'].data)
