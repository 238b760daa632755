"""A step that takes long enough to be killed mid-task (Scripts/make-fixtures sends SIGKILL).

When SLOWFLOW_STARTED names a file, the `slow` step creates it once its task has begun, so the
fixture script knows when to kill.
"""
import os
import time

from metaflow import FlowSpec, Parameter, step


class SlowFlow(FlowSpec):
    """`slow` sleeps for `seconds`; with the default it is killed long before it finishes."""

    seconds = Parameter("seconds", help="How long `slow` sleeps", default=300)

    @step
    def start(self):
        """Quick."""
        self.planned_seconds = self.seconds
        self.next(self.slow)

    @step
    def slow(self):
        """Sleep for a long time."""
        marker = os.environ.get("SLOWFLOW_STARTED")
        if marker:
            with open(marker, "w") as started:
                started.write("started\n")
        time.sleep(self.planned_seconds)
        self.next(self.end)

    @step
    def end(self):
        """Reached only by the short run."""
        print("slept", self.planned_seconds)


if __name__ == "__main__":
    SlowFlow()
