# Tasks of a foreach step: order (newest first), index and per-task artifacts.
from metaflow import Flow

run = Flow('TrainFlow').latest_run
train = run['train']
tasks = list(train)
print(len(tasks), 'tasks')
print('ids descending:', [int(t.id) for t in tasks] == sorted((int(t.id) for t in tasks), reverse=True))
for task in sorted(tasks, key=lambda t: t.index):
    print(task.index, type(task.index).__name__, task.data.params, task.data.accuracy, task.data.model)
    print('   ', task.successful, task.finished, task.exception, task['accuracy'].data == task.data.accuracy)
print('step.task is the newest:', train.task.id == tasks[0].id)
print('start index:', run['start'].task.index, 'join index:', run['join'].task.index, 'end index:', run['end'].task.index)
best = max(tasks, key=lambda t: t.data.accuracy)
print('best:', best.index, best.data.params == run['join'].task.data.best_params)
results = [{'index': t.index, 'accuracy': t.data.accuracy} for t in train]
print(sorted(results, key=lambda r: r['index']))
print(list(train.tasks('no-such-tag')), len(list(train.tasks('user:alice'))))
