# Benchmark data: one 200-way foreach, each task with an `accuracy`.
from metaflow import FlowSpec, step


class WideForeachFlow(FlowSpec):
    @step
    def start(self):
        self.items = list(range(200))
        self.next(self.train, foreach="items")

    @step
    def train(self):
        self.accuracy = (self.input * 37 % 100) / 100.0
        print("item", self.input)
        self.next(self.join)

    @step
    def join(self, inputs):
        self.accuracy = max(i.accuracy for i in inputs)
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    WideForeachFlow()
