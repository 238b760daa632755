# Steps of a run (newest first), hidden _parameters, step properties and `in`.
from metaflow import Flow, Step, namespace

for name in ['TrainFlow', 'BranchFlow', 'NestedForeachFlow', 'ScalarsFlow', 'FailFlow', 'SlowFlow']:
    namespace('user:alice')
    run = Flow(name).latest_run
    steps = list(run)
    print(name, [step.id for step in steps])
    for step in steps:
        print('  ', step.id, step.pathspec == run.pathspec + '/' + step.id, step.parent.pathspec == run.pathspec,
              step.path_components[0], step.path_components[2], len(step.path_components))
    print('  in:', 'start' in run, 'end' in run, '_parameters' in run, 'nosuch' in run)
    print('  _parameters:', run['_parameters'].id, [t.id for t in run['_parameters']])
    print('  Step():', Step(run.pathspec + '/start').id, Step(run.pathspec + '/start') is not None)
    print('  steps():', [s.id for s in run.steps()] == [s.id for s in steps],
          [s.id for s in run.steps('user:alice')] == [s.id for s in steps], list(run.steps('no-such-tag')))
