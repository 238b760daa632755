# repr() and type of every public artifact of ScalarsFlow's end task (names sorted: Python lists
# artifacts in filesystem order).
from metaflow import Flow

task = Flow('ScalarsFlow').latest_run['end'].task
names = sorted(artifact.id for artifact in task)
print(len(names), 'artifacts')
for name in names:
    value = task[name].data
    print(f"{name}: {type(value).__name__} = {value!r}"[:400])
