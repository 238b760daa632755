# control_task / control_tasks (only @parallel steps have control tasks: None / nothing here),
# and code.extract() as a context manager giving a temporary folder's path.
from metaflow import Flow, namespace

run = Flow('TrainFlow').latest_run
for step in run:
    print(step.id, step.control_task, list(step.control_tasks()), list(step.control_tasks('production')))
namespace(None)
code = Flow('CodePkgFlow').latest_run.code
with code.extract() as tmp_dir:
    print(type(tmp_dir).__name__, tmp_dir.startswith('/tmp/'), len(tmp_dir) > 5)
tmp = code.extract()
print(type(tmp).__name__, type(tmp.name).__name__)
tmp.cleanup()
