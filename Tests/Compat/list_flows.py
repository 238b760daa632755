# Metaflow(): flows with at least one run in the current namespace (sorted: Python lists them in
# filesystem order), and how the list changes with the namespace.
from metaflow import Metaflow, namespace

print(Metaflow())
print(sorted(flow.id for flow in Metaflow()))
print(sorted(str(flow) for flow in Metaflow().flows))
print(len(Metaflow().flows))
print(Metaflow()['TrainFlow'])
namespace('user:bob')
print('bob:', sorted(flow.id for flow in Metaflow()))
namespace('production')
print('production:', sorted(flow.id for flow in Metaflow()))
namespace('team:ml')
print('team:ml:', sorted(flow.pathspec for flow in Metaflow()))
namespace(None)
print('all:', sorted(flow.id for flow in Metaflow()))
namespace('no-such-tag')
print('nothing:', list(Metaflow()))
