# METAFLOW_DATASTORE_SYSROOT_LOCAL in the environment names the folder holding .metaflow, from
# any working folder; the environment wins over a profile's value.
# compat-env: METAFLOW_DATASTORE_SYSROOT_LOCAL={root} METAFLOW_PROFILE=other
# compat-home-file: .metaflowconfig/config_other.json {"METAFLOW_DATASTORE_SYSROOT_LOCAL": "/nonexistent"}
# compat-cwd: {home}
from metaflow import Flow, get_metadata

print(get_metadata().startswith('local@/'), get_metadata().endswith('/nonexistent'))
print([r.data.epochs for r in Flow('TrainFlow')])
