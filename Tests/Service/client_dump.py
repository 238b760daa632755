"""Walk every run of the fixture flows with Python's real Metaflow client and print what it sees,
with ids and timestamps taken out, so that the same runs read through the metadata service
(stand-in) and from a local datastore print the same text (python_client_smoke.sh diffs them).

    python client_dump.py ROOT [FLOW...]     ROOT: the fixture folder (its path is masked in logs);
                                            FLOW...: only these flows (default: all)

A task is named `step#k`: its position among the step's tasks ordered by what they hold (the
client orders siblings by creation time, and ids differ between the two providers).
"""
import hashlib
import re
import sys

from metaflow import Flow, Metaflow, Run, namespace

ROOT = sys.argv[1]
ONLY = set(sys.argv[2:])
# Metadata whose values do not depend on ids, paths or the provider. (`foreach-stack` does: the
# service returns PostgreSQL array text, the local provider a JSON list; §5.)
# `code-package` is left out of the keys: the runtime builds the package while the first tasks
# start, so whether the start task's system metadata already names it depends on timing (observed
# on the same flows: there over the service, missing locally).
TIMING_DEPENDENT_METADATA = {"code-package"}
CARD_UUID = re.compile(r"[0-9a-f]{32}")
STABLE_METADATA = ("attempt", "ds-type", "user", "runtime", "script-name", "attempt_ok",
                   "foreach-execution-path", "start_step", "end_step")


def masked(text):
    text = text.replace(ROOT, "<root>")
    return re.sub(r"/tmp/mfsh-fixtures\.[A-Za-z0-9]+", "<work>", text)


def short(value):
    """repr, or a digest of it when long (1.5 MB byte strings, frames)."""
    try:
        text = repr(value)
    except Exception as e:  # noqa: BLE001 — a repr that fails is also a fact to compare
        return "<repr failed: %s>" % type(e).__name__
    if len(text) <= 120:
        return text
    return "<%d chars sha1 %s>" % (len(text), hashlib.sha1(text.encode()).hexdigest()[:12])


def artifact_values(task):
    out = []
    for art in sorted((a for a in task if not a.id.startswith("_")), key=lambda a: a.id):
        try:
            out.append("%s=%s" % (art.id, short(art.data)))
        except Exception as e:  # noqa: BLE001 — e.g. a class defined in the flow's own module
            out.append("%s=<%s>" % (art.id, type(e).__name__))
    return out


def describe_task(task):
    meta = task.metadata_dict
    lines = ["artifacts " + " ".join(artifact_values(task)),
             "successful=%s finished=%s attempt=%s index=%s" % (task.successful, task.finished,
                                                                task.current_attempt, task.index),
             # @card records each card under a fresh uuid4 hex as the key: its count is what is stable.
             "metadata keys " + " ".join(sorted(("<card uuid>" if CARD_UUID.fullmatch(k) else k)
                                                for k in set(meta) - TIMING_DEPENDENT_METADATA)),
             "metadata " + " ".join("%s=%s" % (k, meta[k]) for k in STABLE_METADATA if k in meta),
             "stdout " + short(masked(task.stdout)),
             "stderr " + short(masked(task.stderr))]
    if task.exception is not None:
        lines.append("exception " + task.exception.type)
    return lines


def related(labels, tasks):
    """Labels of parent or child tasks; a task killed before it saved `_graph_info` makes the
    client raise KeyError, which is printed as such (it must do the same on both providers)."""
    try:
        return sorted(labels.get(t.pathspec, "?") for t in tasks())
    except Exception as e:  # noqa: BLE001
        return "<%s %s>" % (type(e).__name__, e)


def describe_run(run):
    out = ["user_tags=%s system_tags=%s successful=%s finished=%s" % (
        sorted(run.user_tags), sorted(run.system_tags), run.successful, run.finished)]
    if run.code is not None:
        out.append("code script_name=%s" % run.code.script_name)
    if run.trigger is not None:
        out.append("trigger events=%s run=%s" % (sorted(e.name for e in run.trigger.events), run.trigger.run is not None))
    labels, texts = {}, {}
    steps = sorted(run, key=lambda s: s.id)
    for step in steps:
        described = sorted(((describe_task(t), t.pathspec, t) for t in step), key=lambda x: x[0])
        for k, (lines, pathspec, task) in enumerate(described):
            labels[pathspec] = "%s#%d" % (step.id, k)
            texts[pathspec] = (lines, task)
    for step in steps:
        out.append("step %s: %d tasks" % (step.id, len(list(step))))
        for pathspec, label in sorted(labels.items(), key=lambda kv: kv[1]):
            if not label.startswith(step.id + "#"):
                continue
            lines, task = texts[pathspec]
            out.append("  task %s" % label)
            out += ["    " + l for l in lines]
            out.append("    parents %s" % related(labels, lambda: task.parent_tasks))
            out.append("    children %s" % related(labels, lambda: task.child_tasks))
    out.append("end_task %s" % labels.get(run.end_task.pathspec if run.end_task else None))
    return out


def main():
    namespace(None)
    flows = sorted(f.id for f in Metaflow().flows if not ONLY or f.id in ONLY)
    print("flows " + " ".join(flows))
    for flow_id in flows:
        flow = Flow(flow_id)
        runs = list(flow)
        print("flow %s: %d runs" % (flow_id, len(runs)))
        # Runs in an order that does not depend on ids or on creation times (which tag mutation
        # changes locally but not on the service, §17).
        described = sorted("\n".join("  " + l for l in describe_run(Run(r.pathspec))) for r in runs)
        for k, text in enumerate(described):
            print(" run #%d" % k)
            print(text)


if __name__ == "__main__":
    main()
