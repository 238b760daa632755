# spec: Namespace Management
# --- spec block
from metaflow import namespace, get_namespace, default_namespace
# See current namespace
print(get_namespace()) # Returns current user
# Switch namespace to see another user's runs
namespace('other_user')
# See all runs regardless of namespace
namespace(None)
# Reset to default
default_namespace()
# --- checks
print(get_namespace())
