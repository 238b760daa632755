# SUDO_USER comes before USERNAME; a user named root is skipped for the next variable.
# compat-env: SUDO_USER=root USERNAME=root USER=bob
from metaflow import get_namespace, Flow

print(get_namespace(), [r.data.epochs for r in Flow('TrainFlow')])
