# task.metadata: Metadata tuples (name, value, created_at, type, task) of one task, all attempts;
# counts per field, types, and the per-attempt filtering.
from metaflow import Flow, Task

task = Flow('RetryFlow').latest_run['flaky'].task
entries = task.metadata
print(len(entries), type(entries).__name__, type(entries[0]).__name__, entries[0]._fields)
counts = {}
for m in entries:
    counts[m.name] = counts.get(m.name, 0) + 1
print(sorted(counts.items()))
for m in sorted(entries, key=lambda m: (m.name, m.created_at)):
    if m.name in ('attempt', 'attempt_ok', 'attempt-done', 'user', 'runtime'):
        print(m.name, repr(m.value), m.type, type(m.created_at).__name__, m.task.pathspec == task.pathspec)
print(sorted(set(m.type for m in entries)))
for attempt in range(3):
    one = Task(task.pathspec, attempt=attempt).metadata
    print(attempt, len(one), sorted(set(m.name for m in one)),
          sorted(m.value for m in one if m.name in ('attempt', 'attempt_ok')))
print(task.metadata_dict['attempt'], task.metadata_dict['attempt_ok'], Task(task.pathspec, attempt=0).metadata_dict['attempt_ok'])
train = Flow('TrainFlow').latest_run['train'].task
stack = [m for m in train.metadata if m.name == 'foreach-stack']
print(len(stack), type(stack[0].value).__name__, stack[0].value, stack[0].type)
params = Flow('TrainFlow').latest_run['_parameters'].task
print(sorted((m.name, m.value, m.type) for m in params.metadata if m.type == 'graph_structure'))
