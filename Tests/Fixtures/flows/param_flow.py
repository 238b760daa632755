"""Parameters of every kind: str, int, float, bool and JSON."""
from metaflow import FlowSpec, JSONType, Parameter, step


class ParamFlow(FlowSpec):
    """Echo the parameters into artifacts."""

    greeting = Parameter("greeting", help="Who to greet", default="world")
    count = Parameter("count", help="How many times", default=3)
    ratio = Parameter("ratio", help="A fraction", default=0.5)
    verbose = Parameter("verbose", help="Chatty output", type=bool, default=False)
    config = Parameter(
        "config", help="Model configuration", type=JSONType, default='{"layers": [64, 32], "dropout": 0.1}'
    )

    @step
    def start(self):
        """Derive something from every parameter."""
        self.message = " ".join([f"hello {self.greeting}"] * self.count)
        self.scaled = self.count * self.ratio
        self.n_layers = len(self.config["layers"])
        if self.verbose:
            print("config:", self.config)
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(self.message)


if __name__ == "__main__":
    ParamFlow()
