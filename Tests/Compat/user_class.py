# An instance of a class defined in the flow file (pickled as __main__.TinyLinearModel) can be
# loaded only where that class exists; the artifact itself is still listed and sized.
# user_class_defined.py loads it after defining the class.
from metaflow import Flow

task = Flow('DataFlow').latest_run['fit'].task
print(sorted(a.id for a in task), 'model' in task.data, task['model'].size > 0)
try:
    task.data.model
    print('loaded without the class')
except AttributeError as error:
    print(type(error).__name__, str(error).split(' on ')[0])

print(task['model'].sha == task.artifacts.model.sha, len(task['model'].sha))
