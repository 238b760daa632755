"""A flow run with METAFLOW_FEAT_ALWAYS_UPLOAD_CODE_PACKAGE=1 from inside a git repository,
so that the run has a code package and git-info metadata."""
from metaflow import FlowSpec, step


class CodePkgFlow(FlowSpec):
    """Three steps, so the later tasks start after the asynchronous package upload."""

    @step
    def start(self):
        """Begin."""
        self.message = "packaged"
        self.next(self.middle)

    @step
    def middle(self):
        """Wait a moment."""
        self.message += " and shipped"
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(self.message)


if __name__ == "__main__":
    CodePkgFlow()
