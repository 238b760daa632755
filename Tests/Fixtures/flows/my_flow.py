"""The flow the Client API spec talks about: `MyFlow` with a foreach `train` step, a `join` that
collects `result`s, and `accuracy`, `model`, `loss`, `params` artifacts where the spec reads them,
so the spec's code blocks run unchanged (Tests/Spec, Scripts/spec-blocks)."""
from metaflow import FlowSpec, step


class MyFlow(FlowSpec):
    @step
    def start(self):
        self.grid = [{"lr": 0.1, "layers": 2}, {"lr": 0.01, "layers": 3}, {"lr": 0.001, "layers": 4}]
        self.next(self.train, foreach="grid")

    @step
    def train(self):
        self.params = dict(self.input)
        self.accuracy = round(0.7 + 0.05 * self.params["layers"] - 2 * self.params["lr"], 4)
        self.loss = round(1.0 - self.accuracy, 4)
        self.model = {"layers": self.params["layers"], "weights": [0.5] * self.params["layers"]}
        self.result = f"lr={self.params['lr']} accuracy={self.accuracy}"
        print(self.result)
        self.next(self.join)

    @step
    def join(self, inputs):
        best = max(inputs, key=lambda i: i.accuracy)
        self.accuracy, self.loss, self.model = best.accuracy, best.loss, best.model
        self.result = [i.result for i in inputs]
        self.next(self.end)

    @step
    def end(self):
        print("best accuracy", self.accuracy)


if __name__ == "__main__":
    MyFlow()
