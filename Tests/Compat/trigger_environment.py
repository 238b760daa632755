# run.trigger (events recorded by Argo Workflows' decorator as the start task's
# `execution-triggers` metadata; None for runs started by hand) and environment_info of tasks
# and steps (from the code package's environment_type; None without a code package).
from metaflow import Flow, Run, namespace

run = Flow('TriggerFlow').latest_run
trigger = run.trigger
print(type(trigger).__name__, trigger is not None)
print(trigger.event)
print(trigger.event.name, trigger.event.type, trigger.event.timestamp, type(trigger.event.timestamp).__name__)
print(trigger.events)
print([tuple(e) for e in trigger], [e._fields for e in trigger][:1])
print(len(trigger.events), trigger.events[1].id.startswith('TrainFlow/'), trigger.events[1][0])
print(trigger.run, trigger.runs)
print(trigger.run == trigger.run, trigger.run == Run(trigger.runs[0].pathspec), trigger.run.pathspec == Run(trigger.runs[0].pathspec).pathspec, trigger.run.data.epochs)
print(trigger['TrainFlow'])
print('TrainFlow' in trigger, 'data_ready' in trigger, 'NoFlow' in trigger)
try:
    trigger['data_ready']
except KeyError as e:
    print('KeyError', e)
print(run['start'].task.data.trigger_names, run['end'].task.stdout, end='')
print(run['start'].task.metadata_dict['argo-workflow-name'], run['start'].task.metadata_dict['auto-emit-argo-events'])
print(sorted(m for m in run['start'].task.metadata_dict if m.startswith('argo')))

for flow in ['TrainFlow', 'ScalarsFlow', 'FailFlow', 'SlowFlow']:
    r = Flow(flow).latest_run
    print(flow, r.trigger)

namespace(None)
code_run = Flow('CodePkgFlow').latest_run
for step in code_run:
    print(step.id, step.environment_info, step.task.environment_info)
print(Flow('TrainFlow').latest_run['end'].environment_info, Flow('TrainFlow').latest_run['end'].task.environment_info)
print(Run(run.pathspec)['start'].environment_info)
# Client objects compare by identity, as in Python (no __eq__).
r1, r2 = Flow('TrainFlow').latest_run, Flow('TrainFlow').latest_run
print(r1 == r2, r1 == r1, r1 != r2, len({r1, r1, r2}), r1.pathspec == r2.pathspec)
