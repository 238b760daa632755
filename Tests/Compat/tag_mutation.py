# Tag mutation, the only write the client makes: add/remove/replace in all their forms, Python's
# validation order and messages, system tags protected, the run record rewritten (its new ts_epoch
# makes the run the latest), and fresh objects, namespaces and children seeing the new tags.
# compat-scratch: copy
from metaflow import Flow, Run, namespace
from metaflow.exception import MetaflowTaggingError

flow = Flow('TrainFlow')
runs = list(flow)
oldest = runs[-1]
print(len(runs) > 1, flow.latest_run.id == oldest.id)
print(sorted(oldest.user_tags))
print(oldest.add_tag('reviewed'))
print(sorted(oldest.user_tags), oldest.tags == oldest.user_tags | oldest.system_tags)
print(sorted(Run(oldest.pathspec).user_tags))
print('now latest:', Flow('TrainFlow').latest_run.id == oldest.id, list(Flow('TrainFlow'))[0].id == oldest.id)

steps = [
    ('add_tags', lambda: oldest.add_tags(['a', 'b', 'a'])),
    ('remove_tag', lambda: oldest.remove_tag('a')),
    ('replace_tag', lambda: oldest.replace_tag('b', 'c')),
    ('replace_tags', lambda: oldest.replace_tags(['c'], ['d', 'e'])),
    ('remove_tags', lambda: oldest.remove_tags(['d', 'not-there'])),
    ('add system tag', lambda: oldest.add_tag('runtime:dev')),
    ('add_tag list', lambda: oldest.add_tag(['l1', 'l2'])),
    ('add_tags str', lambda: oldest.add_tags('whole')),
    ('add_tags tuple', lambda: oldest.add_tags(('t1',))),
    ('add_tags dict', lambda: oldest.add_tags({'k1': 1})),
    ('add_tags set', lambda: oldest.add_tags({'s1'})),
    ('add_tags generator', lambda: oldest.add_tags(x for x in ['g1', 'g2'])),
    ('replace_tag lists', lambda: oldest.replace_tag(['l1', 'l2'], ['m1', 'm2'])),
    ('500 chars', lambda: oldest.add_tags(['x' * 500])),
    ('500 non-ascii', lambda: oldest.add_tags(['é' * 500])),
    ('unicode', lambda: oldest.add_tag('naïve ✓')),
    ('remove system tag', lambda: oldest.remove_tag('runtime:dev')),
    ('remove system tags', lambda: oldest.remove_tags(['user:alice', 'runtime:dev', 'whole'])),
    ('empty', lambda: oldest.add_tag('')),
    ('too long', lambda: oldest.add_tag('y' * 501)),
    ('too many', lambda: oldest.add_tags(['t%d' % i for i in range(60)])),
    ('nothing', lambda: oldest.replace_tags([], [])),
    ('falsy int', lambda: oldest.add_tag(0)),
    ('int', lambda: oldest.add_tag(5)),
    ('remove int', lambda: oldest.remove_tag(5)),
    ('remove_tags str', lambda: oldest.remove_tags('abc')),
    ('replace_tags str', lambda: oldest.replace_tags('a', ['b'])),
    ('replace_tags add str', lambda: oldest.replace_tags(['a'], 'b')),
    ('bytes', lambda: oldest.add_tag(b'raw')),
    ('no args', lambda: oldest.add_tag()),
]
for label, call in steps:
    try:
        result = call()
        print(label, '->', result, sorted(oldest.user_tags))
    except MetaflowTaggingError as e:
        print(label, '-> MetaflowTaggingError:', e, '|', e.headline)
    except TypeError as e:
        print(label, '-> TypeError:', e)

fresh = Run(oldest.pathspec)
print(sorted(fresh.user_tags) == sorted(oldest.user_tags), len(fresh.user_tags))
print(sorted(fresh['end'].task.user_tags) == sorted(fresh.user_tags), sorted(fresh['end'].task['accuracy'].user_tags) == sorted(fresh.user_tags))
print('runs(reviewed):', [r.id for r in Flow('TrainFlow').runs('reviewed')] == [oldest.id])
namespace('m1')
print('namespace m1:', [r.id for r in Flow('TrainFlow')] == [oldest.id], Run(oldest.pathspec).id == oldest.id)
namespace('user:alice')
print(oldest.pathspec in [r.pathspec for r in Flow('TrainFlow')])
