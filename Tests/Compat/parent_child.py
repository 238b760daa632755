# parent_tasks / child_tasks and parent_steps / child_steps across linear, foreach, branch and nested flows.
from metaflow import Flow, Task


def name(task):
    step, task_id = task.pathspec.split('/')[2:]
    return f"{step}/{task_id}"


for flow_name in ['TrainFlow', 'BranchFlow', 'NestedForeachFlow', 'ScalarsFlow']:
    run = Flow(flow_name).latest_run
    print('==', flow_name)
    for step in run:
        print(step.id, 'parent_steps', [s.id for s in step.parent_steps], 'child_steps', [s.id for s in step.child_steps])
        for task in sorted(step, key=lambda t: int(t.id)):
            parents = sorted(name(t) for t in task.parent_tasks)
            children = sorted(name(t) for t in task.child_tasks)
            print('  ', name(task), 'index', task.index, 'parents', parents, 'children', children)
            print('     pathspecs match:', sorted(task.parent_task_pathspecs) == sorted(t.pathspec for t in task.parent_tasks),
                  sorted(task.child_task_pathspecs) == sorted(t.pathspec for t in task.child_tasks))
join = Flow('TrainFlow').latest_run['join'].task
for parent in sorted(join.parent_tasks, key=lambda t: t.index):
    print(f"Parent: {name(parent)} accuracy {parent.data.accuracy}")
print(type(join.parent_tasks).__name__, type(join.parent_task_pathspecs).__name__)
