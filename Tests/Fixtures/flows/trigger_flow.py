# A run "started by events": make-fixtures runs it locally with Argo Workflows' internal decorator
# and METAFLOW_ARGO_EVENT_PAYLOAD_* variables, so the start task records `execution-triggers`
# metadata exactly as a run triggered on Argo Workflows would (Run.trigger reads it).
from metaflow import FlowSpec, current, step


class TriggerFlow(FlowSpec):
    @step
    def start(self):
        self.trigger_names = [e.name for e in current.trigger.events] if current.trigger else []
        self.next(self.end)

    @step
    def end(self):
        print("triggered by", self.trigger_names)


if __name__ == "__main__":
    TriggerFlow()
