# An analysis script's output to files: a CSV report with csv.writer, a JSON dump, read back by
# read/readline/readlines/iteration; open() errors as Python raises them.
import csv
import json
import os
from metaflow import Flow

home = os.getenv('HOME')
path = os.path.join(home, 'report.csv')
with open(path, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['run', 'epochs', 'accuracy', 'note'])
    for r in Flow('TrainFlow'):
        w.writerow([r.id, r.data.epochs, r.data.accuracy, 'has, comma "and quotes"'])
    print(f.closed, f.name == path, f.mode)
print(f.closed)
print(open(path).read(), end='')
with open(path) as f:
    print(repr(f.readline()), repr(f.read(7)))
    print(len(f.readlines()))
with open(path) as f:
    print([line.split(',')[1] for line in f])
rows = list(csv.reader(open(path)))
print(rows[0], len(rows))
with open(os.path.join(home, 'summary.json'), 'w') as f:
    print(f.write(json.dumps({'runs': len(rows) - 1, 'best': max(float(r[2]) for r in rows[1:])}, sort_keys=True)))
with open(os.path.join(home, 'summary.json')) as f:
    print(json.loads(f.read()))
with open(path, 'a') as f:
    f.write('extra\n')
print(open(path).readlines()[-1])
with open(os.path.join(home, 'bytes.bin'), 'wb') as f:
    print(f.write(b'\x00\x01abc'))
print(open(os.path.join(home, 'bytes.bin'), 'rb').read())
for bad in ['/nonexistent-dir/x.txt']:
    try:
        open(bad)
    except FileNotFoundError as e:
        print('FileNotFoundError', e)
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError', e.__class__.__name__)
