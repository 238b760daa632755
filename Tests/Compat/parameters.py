# Parameters: artifacts of the hidden _parameters task, passed down to every task; both ParamFlow runs.
from metaflow import Flow

for run in Flow('ParamFlow'):
    params = run['_parameters'].task
    print('tags', sorted(run.user_tags))
    print('  _parameters artifacts:', sorted(a.id for a in params))
    for name in ['greeting', 'count', 'ratio', 'verbose', 'config']:
        value = params[name].data
        print(f"  {name}: {type(value).__name__} {value!r} same sha in end: {params[name].sha == run['end'].task[name].sha}")
    data = run['start'].task.data
    print('  derived:', repr(data.message), data.scaled, data.n_layers)
    print('  config:', data.config['layers'], data.config.get('name'), sorted(data.config))
    print('  graph parameters:', params['_graph_info'].data['parameters'])
    print('  end data:', run.data.greeting, run.data.count, run.data.verbose)
print([step.id for step in Flow('ParamFlow').latest_run])
print(sorted(a.id for a in Flow('TrainFlow').latest_run['_parameters'].task), Flow('TrainFlow').latest_run['_parameters'].task.data.epochs)
print(Flow('TrainFlow').latest_run['_parameters'].task['_graph_info'].data['parameters'])
