# run.code: the code package of CodePkgFlow (uploaded with METAFLOW_FEAT_ALWAYS_UPLOAD_CODE_PACKAGE)
# and its absence everywhere else; git-info and code-package metadata.
from metaflow import Flow

run = Flow('CodePkgFlow').latest_run
code = run.code
print(type(code).__name__, code.script_name)
print(type(code.flowspec).__name__, code.flowspec.splitlines()[0])
print(code.flowspec == run['end'].task.code.flowspec, len(code.flowspec))
info = code.info
print(sorted(info))
print(info['script'], info['metaflow_version'], info['username'], info['runtime'], info['branch_name'],
      len(info['commit_sha']), info['has_uncommitted_changes'])
print(code.path.split('/')[-4:-2], len(code.path.split('/')[-1]), code.path.startswith('/'))
names = code.tarball.getnames()
print('codepkg_flow.py' in names, '.mf_meta/INFO' in names, any(n.startswith('.mf_code/metaflow/') for n in names))
for step in ['start', 'middle', 'end']:
    meta = run[step].task.metadata_dict
    print(step, 'code-package' in meta, meta.get('git-info'))
print(Flow('TrainFlow').latest_run.code, Flow('ScalarsFlow').latest_run['end'].task.code)
