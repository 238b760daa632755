# With nothing configured, the datastore is the first .metaflow found walking up from the working
# folder (here a folder inside the datastore itself).
# compat-cwd: .metaflow/TrainFlow
from metaflow import Flow, Metaflow, get_metadata

print(get_metadata().startswith('local@/'))
print(sorted(f.id for f in Metaflow())[:3], Flow('TrainFlow').latest_run.data.epochs)
