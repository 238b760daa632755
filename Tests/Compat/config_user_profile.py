# METAFLOW_USER set in the profile's config file (not in the environment).
# compat-env: METAFLOW_PROFILE=dev
# compat-home-file: .metaflowconfig/config_dev.json {"METAFLOW_USER": "bob"}
from metaflow import get_namespace

print(get_namespace())
