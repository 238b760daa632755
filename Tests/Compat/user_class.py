# An instance of a class defined in the flow file (pickled as __main__.TinyLinearModel): the
# artifact is listed and sized like any other. Loading it differs on purpose: Python's client
# raises AttributeError ("Can't get attribute 'TinyLinearModel' on <module '__main__'>") where the
# class is not defined, while mfsh decodes it into an inert object (see user_class_defined.py,
# where Python has the class and both sides print the same).
from metaflow import Flow

task = Flow('DataFlow').latest_run['fit'].task
print(sorted(a.id for a in task), 'model' in task.data, task['model'].size > 0)
print(task['model'].sha == task.artifacts.model.sha, len(task['model'].sha))
