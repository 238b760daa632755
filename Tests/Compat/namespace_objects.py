# Objects remember the namespace they were made in; direct access outside the namespace is refused,
# but `in` ignores the namespace.
from metaflow import Flow, Run, Step, Task, DataArtifact, namespace
from metaflow.exception import MetaflowNamespaceMismatch, MetaflowNotFound

namespace(None)
bob_run = Flow('TrainFlow').latest_run
bob_ids = [run.id for run in Flow('ScalarsFlow') if 'user:bob' in run.tags]
namespace('user:alice')
flow = Flow('TrainFlow')
print('alice sees', len(list(flow)), 'TrainFlow runs; bob run in flow:', bob_run.id in flow)
for label, make in [('flow[id]', lambda: flow[bob_run.id]),
                    ('Run', lambda: Run(bob_run.pathspec)),
                    ('Step', lambda: Step(bob_run.pathspec + '/end')),
                    ('Task', lambda: Task(bob_run['end'].task.pathspec)),
                    ('DataArtifact', lambda: DataArtifact(bob_run['end'].task.pathspec + '/accuracy')),
                    ('Run bob scalars', lambda: Run('ScalarsFlow/' + bob_ids[0]))]:
    try:
        made = make()
        print(label, 'allowed:', type(made).__name__)
    except MetaflowNamespaceMismatch as error:
        print(label, type(error).__name__, str(error), error.headline)
print('object made before the switch still works:', bob_run['end'].task.data.accuracy, bob_run.is_in_namespace())
print('alice run in namespace:', flow.latest_run.is_in_namespace(), list(flow)[-1].is_in_namespace())
alice_end = flow.latest_run['end'].task
namespace('user:bob')
try:
    Flow('ParamFlow')  # exists, but no run of it is bob's
except MetaflowNamespaceMismatch as error:
    print(type(error).__name__, str(error))
print('bob sees TrainFlow runs:', len(list(Flow('TrainFlow'))), 'latest is the bob run:', Flow('TrainFlow').latest_run.id == bob_run.id)
print('alice object in bob namespace:', alice_end.data.accuracy, alice_end.is_in_namespace(),
      [p.parent.id for p in alice_end.parent_tasks], alice_end.parent.id, alice_end.parent.parent.id == flow.latest_run.id)
namespace('production')
print('production latest is bob run:', Flow('TrainFlow').latest_run.id == bob_run.id)
print('alice production run visible:', sorted(r.user_tags == {'production', 'team:ml'} for r in Flow('TrainFlow')))
namespace('user:carol')
for name in ['TrainFlow', 'NoSuchFlow']:
    try:
        Flow(name)
    except Exception as error:
        print(name, type(error).__name__, str(error))
