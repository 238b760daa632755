"""A static split into two branches joined with `merge_artifacts`."""
from metaflow import FlowSpec, step


class BranchFlow(FlowSpec):
    """Compute two feature sets in parallel and merge them."""

    @step
    def start(self):
        """Shared input for both branches."""
        self.dataset = "iris-mini"
        self.rows = [5.1, 4.9, 4.7, 4.6, 5.0]
        self.next(self.left, self.right)

    @step
    def left(self):
        """Mean of the rows."""
        self.left_result = round(sum(self.rows) / len(self.rows), 3)
        self.branch = "left"
        self.next(self.join)

    @step
    def right(self):
        """Spread of the rows."""
        self.right_result = round(max(self.rows) - min(self.rows), 3)
        self.branch = "right"
        self.next(self.join)

    @step
    def join(self, inputs):
        """Merge everything except the conflicting `branch`, which is resolved by hand."""
        self.branches = sorted(inp.branch for inp in inputs)
        self.merge_artifacts(inputs, exclude=["branch"])
        self.combined = {"mean": self.left_result, "spread": self.right_result}
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(f"{self.dataset}: {self.combined}")


if __name__ == "__main__":
    BranchFlow()
