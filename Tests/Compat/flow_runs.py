# Runs of each flow, newest first: success, completion and tags.
from metaflow import Flow, Metaflow, namespace

namespace(None)
for name in sorted(flow.id for flow in Metaflow()):
    flow = Flow(name)
    runs = list(flow)
    print(f"{flow} {len(runs)} runs")
    for position, run in enumerate(runs):
        print(f"  #{position} successful={run.successful} finished={run.finished}"
              f" user_tags={sorted(run.user_tags)}")
        print(f"     system_tags={sorted(run.system_tags)}")
        print(f"     tags={sorted(run.tags)} same_as_union={run.tags == run.user_tags | run.system_tags}")
    print("  ids unique:", len(set(run.id for run in runs)) == len(runs))
    print("  newest first:", [run.created_at for run in runs] == sorted((run.created_at for run in runs), reverse=True))
