# stdout / stderr of tasks: text, sizes, loglines, and tasks that have no logs.
from metaflow import Flow, namespace

run = Flow('ScalarsFlow').latest_run
for step_name in ['start', 'collections', 'end']:
    task = run[step_name].task
    print(f"--- {step_name} stdout ({task.stdout_size} bytes in the log files)")
    print(repr(task.stdout))
    print(f"--- {step_name} stderr ({task.stderr_size} bytes in the log files)")
    print(repr(task.stderr))
    lines = list(task.loglines('stdout'))
    print('loglines:', len(lines), [text for _, text in lines])
    print('times naive and ordered:', all(when.tzinfo is None for when, _ in lines),
          [when for when, _ in lines] == sorted(when for when, _ in lines))
print(run['start'].task.stdout, end='')
print(run['collections'].task.stderr, end='')
print(Flow('TrainFlow').latest_run['end'].task.stdout, end='')
resumed = list(Flow('FailFlow'))[0]
print('cloned task:', repr(resumed['start'].task.stdout), resumed['start'].task.stdout_size)
print('killed task:', repr(Flow('SlowFlow').latest_run['slow'].task.stdout), Flow('SlowFlow').latest_run['slow'].task.stderr_size)
for run in Flow('ParamFlow'):
    print('ParamFlow start stdout:', repr(run['start'].task.stdout))
