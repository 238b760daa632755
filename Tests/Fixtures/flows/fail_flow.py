"""A step that raises; `resume` with FAILFLOW_FIXED=1 set completes the run."""
import os

from metaflow import FlowSpec, step


class FailFlow(FlowSpec):
    """Fails in `boom` until the bug is "fixed" through the environment."""

    @step
    def start(self):
        """Prepare the input."""
        self.values = [1, 2, 3]
        self.next(self.boom)

    @step
    def boom(self):
        """Raise unless the fix is in."""
        self.attempted = True
        if os.environ.get("FAILFLOW_FIXED") != "1":
            raise ValueError("intentional failure in boom")
        self.total = sum(self.values)
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print("total", self.total)


if __name__ == "__main__":
    FailFlow()
