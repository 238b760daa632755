// help() texts for the client classes.

enum ClientDocs {
    static let text: [String: String] = [
        "Metaflow": "Metaflow(): every flow with at least one run in the current namespace.\n  .flows  list of Flow\n  Metaflow()['Name']  a Flow",
        "Flow": "Flow('Name'): all runs of a flow, newest first.\n  .latest_run, .latest_successful_run, .runs(*tags), flow['run_id'], 'run_id' in flow",
        "Run": "Run('Flow/run_id'): one execution of a flow.\n  .successful, .finished, .finished_at, .end_task, .data, .code, .tags, .steps(*tags), run['step'], 'step' in run",
        "Step": "Step('Flow/run_id/step'): the tasks of one step.\n  .task (newest), .tasks(*tags), .finished_at, .parent_steps, .child_steps, step['task_id']",
        "Task": "Task('Flow/run_id/step/task_id', attempt=None): one execution of a step.\n  .data, .artifacts, .successful, .finished, .exception, .index, .metadata, .metadata_dict, .stdout, .stderr, .parent_tasks, .child_tasks, task['artifact']",
        "DataArtifact": "DataArtifact('Flow/run_id/step/task_id/name'): one artifact.\n  .data (decoded without running any code), .sha, .size, .created_at",
        "MetaflowCode": "The code package of a run.\n  .script_name, .path, .info, .flowspec (bytes), .tarball (member names), .extract() (use in `with`)",
    ]
}
