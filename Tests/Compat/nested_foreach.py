# Indices in a nested foreach, the foreach stack frames, and the data collected by both joins.
from metaflow import Flow

run = Flow('NestedForeachFlow').latest_run
for step_name in ['start', 'outer_step', 'inner_step', 'inner_join', 'outer_join', 'end']:
    tasks = sorted(run[step_name], key=lambda t: int(t.id))
    print(step_name, len(tasks), 'tasks, indices', [t.index for t in tasks])
for task in sorted(run['inner_step'], key=lambda t: int(t.id)):
    frames = task['_foreach_stack'].data
    print(task.id, task.index, task.data.dataset, task.data.fold, task.data.score,
          [(f.step, f.var, f.num_splits, f.index, f.value) for f in frames])
    print('   ', task.metadata_dict['foreach-execution-path'], task.metadata_dict['foreach-stack'])
for task in sorted(run['outer_step'], key=lambda t: int(t.id)):
    print(task.id, task.index, task.data.dataset, task.data.folds, task['_foreach_values'].data, task['_foreach_num_splits'].data)
for task in sorted(run['inner_join'], key=lambda t: int(t.id)):
    print(task.id, task.index, task.data.dataset, task.data.fold_scores, len(task['_foreach_stack'].data))
print(run['outer_join'].task.data.results, run['end'].task.data.results == run['outer_join'].task.data.results)
print(run['start'].task['_foreach_values'].data, run['start'].task['_foreach_var'].data)
print(run['start'].task['_graph_info'].data['graph_structure'])
print(sorted((s, info['type'], info['next']) for s, info in run['start'].task['_graph_info'].data['steps'].items()))
print(sorted(run['inner_join'], key=lambda t: int(t.id))[1]['_foreach_stack'].data)
