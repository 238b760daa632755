# METAFLOW_USER decides the default namespace before USERNAME.
# compat-env: METAFLOW_USER=bob USERNAME=alice
from metaflow import Flow, get_namespace, default_namespace

print(get_namespace(), default_namespace())
print(Flow('TrainFlow').latest_run.data.epochs, [r.data.epochs for r in Flow('TrainFlow')])
