# One artifact from each of 12 sibling tasks, in the loop shapes people write (mfsh reads the
# siblings ahead in one batch when the first is asked): retried tasks, artifacts only some tasks
# have, values shared between tasks, artifacts over 1 MB, and reads starting mid-listing.
from metaflow import Flow, Task

run = Flow('WideFlow').latest_run
print(sum(t['score'].data for t in run['train']))
print([t.data.label for t in run['train']])
print([t['extra'].data if 'extra' in t else None for t in run['train']])
print([t.data.attempt_seen for t in run['train']])
print([(t.current_attempt, 'partial' in t, 'partial' in t.data) for t in run['train']])
print([len(t['big'].data) if 'big' in t else 0 for t in run['train']])
print([len(t.data.big) for t in run['train'] if 'big' in t.data])
for t in run['train']:
    print(t.index, t.successful, t.finished, t['item'].data, t['score'].data, t.data.score == t['score'].data)

# Earlier attempts, read by pathspec: their own artifacts, not the retry's.
for t in run['train']:
    if t.current_attempt == 1:
        first = Task(t.pathspec, attempt=0)
        print(first.id, 'partial' in first, first['partial'].data, 'score' in first, first.successful)

# Starting in the middle of a listing, then going back to the start.
tasks = list(run['train'])
print(tasks[5]['label'].data, tasks[0]['label'].data, tasks[11]['label'].data)
print([t['label'].data for t in tasks[3:7]])
print([sorted(a.id for a in t) for t in tasks][:3])
print([t['score'].sha == tasks[0]['score'].sha for t in tasks])
try:
    print([t['extra'].data for t in run['train']])
except KeyError as e:
    print('KeyError', e)
print(run['join'].task.data.scores)

# Logs of every sibling (their locations are read ahead too), and of the failed first attempts.
print([t.stdout for t in run['train']])
print([t.stdout_size for t in run['train']])
print([('first attempt of item' in Task(t.pathspec, attempt=0).stderr, t.stderr) for t in run['train'] if t.current_attempt == 1])
