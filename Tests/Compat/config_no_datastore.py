# No .metaflow above the working folder and nothing configured: an empty world, not a crash.
# compat-cwd: {home}
from metaflow import Flow, Metaflow, get_metadata
from metaflow.exception import MetaflowNotFound

print(get_metadata())
print(Metaflow().flows, list(Metaflow()))
try:
    Flow('TrainFlow')
except MetaflowNotFound as e:
    print('MetaflowNotFound', e)
