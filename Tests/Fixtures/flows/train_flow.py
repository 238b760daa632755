"""Hyper-parameter search over a small grid: the demo flow of the mfsh README.

Each `train` task scores one setting with a deterministic stand-in for training, `join` keeps
the best one, and `end` carries `accuracy` forward, so
`Flow('TrainFlow').latest_run['end'].task.data.accuracy` is a float.
"""
import math

from metaflow import FlowSpec, Parameter, step


def learning_curve(lr, depth, epochs):
    """A deterministic accuracy in (0.5, 1): saturates with epochs, penalises lr far from 0.05."""
    progress = 1.0 - math.exp(-epochs * depth / 40.0)
    lr_penalty = abs(math.log10(lr / 0.05)) * 0.06
    return round(0.5 + 0.45 * progress - lr_penalty, 4)


class TrainFlow(FlowSpec):
    """Train a tiny model for a few hyper-parameter settings and keep the best one."""

    epochs = Parameter("epochs", help="Training epochs per setting", default=10)

    @step
    def start(self):
        """Lay out the search grid."""
        self.grid = [
            {"lr": 0.1, "depth": 2},
            {"lr": 0.05, "depth": 4},
            {"lr": 0.01, "depth": 8},
        ]
        print(f"searching {len(self.grid)} settings for {self.epochs} epochs")
        self.next(self.train, foreach="grid")

    @step
    def train(self):
        """Fit one setting."""
        self.params = dict(self.input)
        lr, depth = self.params["lr"], self.params["depth"]
        self.accuracy = learning_curve(lr, depth, self.epochs)
        self.model = {
            "weights": [round(lr * (i + 1), 3) for i in range(depth)],
            "bias": round(1.0 - lr, 3),
            "depth": depth,
        }
        print(f"lr={lr} depth={depth}: accuracy {self.accuracy}")
        self.next(self.join)

    @step
    def join(self, inputs):
        """Keep the most accurate setting."""
        best = max(inputs, key=lambda task: task.accuracy)
        self.accuracy = best.accuracy
        self.best_params = best.params
        self.model = best.model
        self.all_scores = sorted(task.accuracy for task in inputs)
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(f"best accuracy {self.accuracy} with {self.best_params}")


if __name__ == "__main__":
    TrainFlow()
