# No user name anywhere: the default namespace cannot be made.
# compat-env: USERNAME=
from metaflow import namespace, get_namespace
from metaflow.exception import MetaflowUnknownUser

try:
    print(get_namespace())
except MetaflowUnknownUser as e:
    print('MetaflowUnknownUser', e)
namespace(None)
print(get_namespace())
