# metadata_dict keys and the values that do not change between regenerations, for tasks of every kind.
from metaflow import Flow, namespace

namespace(None)
STABLE = ['attempt', 'attempt-done', 'attempt_ok', 'ds-type', 'foreach-execution-path', 'foreach-stack',
          'metaflow_version', 'python_version', 'runtime', 'script-name', 'user', 'start_step', 'end_step']


def show(label, task):
    meta = task.metadata_dict
    print(label, sorted(meta))
    for key in STABLE:
        if key in meta:
            print('   ', key, '=', repr(meta[key]))
    print('    ds-root ends with .metaflow:', str(meta.get('ds-root', '-')).endswith('/.metaflow'),
          'origin-run-id:', 'None' if meta.get('origin-run-id') == 'None' else 'set' if 'origin-run-id' in meta else 'absent')


train = Flow('TrainFlow').latest_run
show('train/start', train['start'].task)
for task in sorted(train['train'], key=lambda t: t.index):
    show('train/train', task)
show('train/_parameters', train['_parameters'].task)
nested = Flow('NestedForeachFlow').latest_run
for task in sorted(nested['inner_step'], key=lambda t: t.metadata_dict['foreach-execution-path']):
    show('nested/inner_step', task)
for task in sorted(nested['inner_join'], key=lambda t: t.index):
    show('nested/inner_join', task)
retry = Flow('RetryFlow').latest_run['flaky'].task
show('retry/flaky', retry)
runs = list(Flow('FailFlow'))
show('fail-resumed/start (cloned)', runs[0]['start'].task)
show('fail-resumed/_parameters', runs[0]['_parameters'].task)
show('fail/boom', runs[1]['boom'].task)
show('slow/slow (killed)', Flow('SlowFlow').latest_run['slow'].task)
