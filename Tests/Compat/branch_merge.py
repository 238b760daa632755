# A static split/join: per-branch artifacts, merge_artifacts in the join, and what reaches the end.
from metaflow import Flow

run = Flow('BranchFlow').latest_run
print(sorted(run.tags - run.system_tags), [s.id for s in run])
for step_name in ['start', 'left', 'right', 'join', 'end']:
    task = run[step_name].task
    print(step_name, sorted(a.id for a in task), task.index)
left, right, join = run['left'].task, run['right'].task, run['join'].task
print(left.data.branch, left.data.left_result, right.data.branch, right.data.right_result)
print(join.data.branches, join.data.combined, join.data.left_result, join.data.right_result, 'branch' in join.data)
print(join['rows'].sha == run['start'].task['rows'].sha, join['left_result'].sha == left['left_result'].sha)
print(run.data.combined, run.data.dataset, run['end'].task.stdout, end='')
print(run['start'].task['_transition'].data, join['_transition'].data, run['end'].task['_transition'].data)
info = run['start'].task['_graph_info'].data
print(info['graph_structure'], info['start_step'], info['end_step'], sorted(info['steps']))
print(info['steps']['join']['type'], info['steps']['start']['type'], info['steps']['left']['doc'])
