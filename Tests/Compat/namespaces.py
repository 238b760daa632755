# The namespace: default, switching, None, tags as namespaces; what each one shows.
from metaflow import Flow, Metaflow, Run, namespace, get_namespace, default_namespace


def visible(label):
    counts = []
    for name in ['TrainFlow', 'ScalarsFlow', 'ParamFlow']:
        try:
            flow = Flow(name)
            runs = list(flow)
            counts.append(f"{name}={len(runs)}:{sorted(set(len(r.user_tags) for r in runs))}")
        except Exception as error:
            counts.append(f"{name}={type(error).__name__}")
    print(label, get_namespace(), counts)


visible('default')
print(default_namespace())
print(namespace(None), get_namespace())
visible('None')
print(namespace('user:bob'))
visible('bob')
bob_latest = Flow('TrainFlow').latest_run
print('bob latest', sorted(bob_latest.tags), bob_latest['end'].task.data.epochs)
namespace('production')
visible('production')
print('production runs users:', sorted(tag for r in Flow('TrainFlow') for tag in r.system_tags if tag.startswith('user:')))
namespace('team:ml')
visible('team:ml')
namespace('python_version:3.11.7')
visible('python tag')
namespace('runtime:dev')
print('runtime:dev TrainFlow runs:', len(list(Flow('TrainFlow'))))
print(default_namespace(), get_namespace())
visible('back to default')
namespace('user:carol')
print('carol flows:', list(Metaflow()))
