# Exceptions of the client API: type names and exact messages.
from metaflow import Flow, Run, Step, Task, DataArtifact, Metaflow, namespace

run = Flow('TrainFlow').latest_run
task = run['end'].task
cases = [
    ("Flow('NoSuchFlow')", lambda: Flow('NoSuchFlow')),
    ("Run('TrainFlow/999')", lambda: Run('TrainFlow/999')),
    ("Step(run/nosuch)", lambda: Step(run.pathspec + '/nosuch')),
    ("Task(end/999)", lambda: Task(run.pathspec + '/end/999')),
    ("DataArtifact(end/nosuch)", lambda: DataArtifact(task.pathspec + '/nosuch')),
    ("Run('TrainFlow')", lambda: Run('TrainFlow')),
    ("Flow('A/B')", lambda: Flow('TrainFlow/1')),
    ("Step(run)", lambda: Step(run.pathspec)),
    ("Task(step)", lambda: Task(run.pathspec + '/end')),
    ("DataArtifact(task)", lambda: DataArtifact(task.pathspec)),
    ("Run(attempt=0)", lambda: Run(run.pathspec, attempt=0)),
    ("Flow(attempt=0)", lambda: Flow('TrainFlow', attempt=0)),
    ("flow['999']", lambda: Flow('TrainFlow')['999']),
    ("run['nosuchstep']", lambda: run['nosuchstep']),
    ("step['999']", lambda: run['end']['999']),
    ("task['nosuch']", lambda: task['nosuch']),
    ("task.data.nosuch", lambda: task.data.nosuch),
    ("task.artifacts.nosuch", lambda: task.artifacts.nosuch),
    ("Metaflow()['NoSuchFlow']", lambda: Metaflow()['NoSuchFlow']),
]
for label, call in cases:
    try:
        result = call()
        print(label, '->', type(result).__name__)
    except Exception as error:
        print(label, '->', type(error).__name__ + ':', str(error).replace(run.id, '<run>'))
try:
    Run('TrainFlow/999')
except KeyError:
    print('MetaflowNotFound is a KeyError')
except Exception:
    print('MetaflowNotFound is not a KeyError')
try:
    run['nosuchstep']
except KeyError as error:
    print('KeyError args:', error.args, repr(error))
print(sorted(run.tags) == sorted(Run(run.pathspec).tags))
