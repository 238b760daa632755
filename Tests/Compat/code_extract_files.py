# What run.code.extract() unpacks, looked at with os/os.path (read-only in mfsh): the user's files
# without Metaflow's own, gone after the with block.
import os
import os.path
from os.path import join, basename
from metaflow import Flow, namespace

namespace(None)
code = Flow('CodePkgFlow').latest_run.code
with code.extract() as tmp_dir:
    names = sorted(os.listdir(tmp_dir))
    print(names)
    print(os.path.isdir(tmp_dir), os.path.isfile(join(tmp_dir, 'codepkg_flow.py')), os.path.exists(join(tmp_dir, 'nope')))
    print(os.path.getsize(join(tmp_dir, 'codepkg_flow.py')) == len(code.flowspec), basename(join(tmp_dir, 'codepkg_flow.py')))
    print(os.path.dirname(join(tmp_dir, 'x')) == tmp_dir, os.path.basename(tmp_dir).startswith('tmp'))
print(os.path.exists(tmp_dir))
for p in ['a/b/c.txt', '/a/b/', 'a', '.bashrc', 'a/.b.c', '/', '//x', 'a//b/../c/./d', '']:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.normpath(p), os.path.dirname(p), os.path.basename(p))
print(os.path.join('a', 'b', '/c', 'd'), os.path.join('a/', 'b'), os.path.join('', 'x'), os.sep, os.path.sep)
print(os.getenv('USERNAME'), os.getenv('NOPE_NOT_SET'), os.getenv('NOPE_NOT_SET', 'dflt'), os.environ['USERNAME'], 'TZ' in os.environ)
try:
    os.listdir('/nonexistent-folder')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
