# spec: Namespace Management / metadata providers
# --- spec block
from metaflow import metadata, get_metadata, default_metadata
# See current provider
print(get_metadata())
# Switch to local metadata
metadata('local')
# Switch to service metadata
metadata('https://metadata-service.example.com')
# Reset to default
default_metadata()
# --- checks
print(get_metadata())
