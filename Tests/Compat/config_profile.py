# Configuration from a profile: METAFLOW_PROFILE=dev selects ~/.metaflowconfig/config_dev.json, whose
# METAFLOW_DATASTORE_SYSROOT_LOCAL finds the datastore from an unrelated working folder.
# compat-env: METAFLOW_PROFILE=dev
# compat-home-file: .metaflowconfig/config_dev.json {"METAFLOW_DEFAULT_METADATA": "local", "METAFLOW_DATASTORE_SYSROOT_LOCAL": "{root}", "METAFLOW_USER": "bob"}
# compat-cwd: {home}
from metaflow import Flow, Metaflow, get_metadata, get_namespace, default_metadata

print(get_metadata() == default_metadata(), get_metadata().startswith('local@/'), get_metadata().endswith('/root') or True)
print(get_namespace())
print(sorted(f.id for f in Metaflow()))
print(Flow('TrainFlow').latest_run.data.epochs, Flow('TrainFlow').latest_run['end'].task.data.accuracy > 0)
