"""A foreach inside a foreach, with an inner and an outer join."""
from metaflow import FlowSpec, step


class NestedForeachFlow(FlowSpec):
    """Evaluate every (dataset, fold) pair."""

    @step
    def start(self):
        """Two datasets."""
        self.datasets = ["alpha", "beta"]
        self.next(self.outer_step, foreach="datasets")

    @step
    def outer_step(self):
        """Three folds per dataset."""
        self.dataset = self.input
        self.folds = [0, 1, 2]
        self.next(self.inner_step, foreach="folds")

    @step
    def inner_step(self):
        """Score one fold."""
        self.fold = self.input
        self.score = len(self.dataset) * 10 + self.fold
        self.next(self.inner_join)

    @step
    def inner_join(self, inputs):
        """Collect the folds of one dataset."""
        self.dataset = inputs[0].dataset
        self.fold_scores = sorted(inp.score for inp in inputs)
        self.next(self.outer_join)

    @step
    def outer_join(self, inputs):
        """Collect all datasets."""
        self.results = {inp.dataset: inp.fold_scores for inp in inputs}
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(sorted(self.results.items()))


if __name__ == "__main__":
    NestedForeachFlow()
