// help() texts for the client classes and functions of the `metaflow` module.

package enum ClientDocs {
    package static let text: [String: String] = [
        "Metaflow": "Metaflow(): every flow with at least one run in the current namespace.\n  .flows  list of Flow\n  Metaflow()['Name']  a Flow",
        "Flow": "Flow('Name'): all runs of a flow, newest first.\n  .latest_run, .latest_successful_run, .runs(*tags), flow['run_id'], 'run_id' in flow",
        "Run": "Run('Flow/run_id'): one execution of a flow.\n  .successful, .finished, .finished_at, .end_task, .data, .code, .tags, .steps(*tags), run['step'], 'step' in run",
        "Step": "Step('Flow/run_id/step'): the tasks of one step.\n  .task (newest), .tasks(*tags), .finished_at, .parent_steps, .child_steps, step['task_id']",
        "Task": "Task('Flow/run_id/step/task_id', attempt=None): one execution of a step.\n  .data, .artifacts, .successful, .finished, .exception, .index, .metadata, .metadata_dict, .stdout, .stderr, .parent_tasks, .child_tasks, task['artifact']",
        "DataArtifact": "DataArtifact('Flow/run_id/step/task_id/name'): one artifact.\n  .data (decoded without running any code), .sha, .size, .created_at",
        "namespace": "namespace(ns): switch to namespace ns (a tag such as 'user:alice' or 'production:token'), or None for every run.\nReturns the namespace now in force. Flow(...), Run(...) and iteration only see runs carrying the tag.",
        "get_namespace": "get_namespace(): the namespace in force (None means all runs).",
        "default_namespace": "default_namespace(): switch back to the default namespace ('user:<you>' or METAFLOW_DEFAULT_NAMESPACE) and return it.",
        "metadata": "metadata(spec): read from another metadata provider: 'local', 'local@/path', or a folder holding .metaflow.\nReturns the provider now in force, as get_metadata() shows it.",
        "get_metadata": "get_metadata(): the metadata provider in force, e.g. 'local@/home/me/project'.",
        "default_metadata": "default_metadata(): switch back to the configured metadata provider and return it.",
        "MetaflowCode": "The code package of a run.\n  .script_name, .path, .info, .flowspec (bytes), .tarball (member names), .extract() (use in `with`)",
    ]
}
