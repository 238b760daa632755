# Every object of the datastore, every read-only property of each: a crawl that asks mfsh what
# Python's client is asked least in the other scripts (finished_at of steps, runtime_name, artifact
# sha and finished_at, parent/child tasks of every task, exceptions of every task), so a wrong answer
# anywhere in the fixture shows. Errors are printed by class and message, as a script would see them.
# compat-mask: 0x[0-9a-f]+
from metaflow import Metaflow, namespace

namespace(None)


def show(label, get):
    try:
        value = get()
    except Exception as error:
        print('  ', label, '!', type(error).__name__, str(error)[:200])
        return
    text = repr(value)
    if len(text) > 300:
        text = text[:300] + '...'
    print('  ', label, text)


def path_of(obj):
    return None if obj is None else obj.pathspec


for flow in sorted(Metaflow().flows, key=lambda f: f.id):
    print('flow', flow.pathspec)
    show('created_at', lambda: flow.created_at)
    show('latest_run', lambda: path_of(flow.latest_run))
    show('latest_successful_run', lambda: path_of(flow.latest_successful_run))
    runs = list(flow)
    show('runs', lambda: [r.id for r in runs])
    for run in runs:
        print(' run', run.pathspec)
        for name in ['created_at', 'finished_at', 'successful', 'finished']:
            show(name, lambda: getattr(run, name))
        show('tags', lambda: sorted(run.tags))
        show('system_tags', lambda: sorted(run.system_tags))
        show('user_tags', lambda: sorted(run.user_tags))
        show('end_task', lambda: path_of(run.end_task))
        show('code', lambda: None if run.code is None else run.code.path[-8:])
        show('parent', lambda: run.parent.pathspec)
        for step in run:
            print('  step', step.pathspec)
            show('created_at', lambda: step.created_at)
            show('finished_at', lambda: step.finished_at)
            tasks = list(step)
            show('tasks', lambda: [t.id for t in tasks][:5] + (['...'] if len(tasks) > 5 else []))
            for task in tasks[:2]:
                print('   task', task.pathspec)
                for name in ['index', 'successful', 'finished', 'finished_at', 'created_at',
                             'current_attempt', 'runtime_name', 'exception']:
                    show(name, lambda: getattr(task, name))
                show('metadata_dict', lambda: sorted((k, v) for k, v in task.metadata_dict.items()
                                                     if 'time' not in k and 'ts' not in k))
                show('parent_tasks', lambda: sorted(t.pathspec for t in task.parent_tasks))
                show('child_tasks', lambda: sorted(t.pathspec for t in task.child_tasks))
                show('stdout lines', lambda: len(task.stdout.splitlines()))
                show('stderr lines', lambda: len(task.stderr.splitlines()))
                for artifact in sorted(task, key=lambda a: a.id):
                    if artifact.id == 'model' and flow.id == 'DataFlow':
                        continue  # a class of the flow file: mfsh decodes it on purpose (user_class.py)
                    show('artifact ' + artifact.id, lambda: (artifact.sha, artifact.size, artifact.finished_at, artifact.data))
