# TinyFlow of metadata-service.md §12.4: the flow the reference recordings
# (shared/reference/metadata-service/) were made with; check_shapes.py runs it against the stand-in
# so that the stand-in's answers for the same URLs can be compared with the recorded ones.
from metaflow import FlowSpec, step, Parameter


class TinyFlow(FlowSpec):
    alpha = Parameter("alpha", default=3)

    @step
    def start(self):
        self.greeting = "hello"
        self.items = [1, 2]
        self.next(self.work, foreach="items")

    @step
    def work(self):
        self.square = self.input * self.input
        self.next(self.join)

    @step
    def join(self, inputs):
        self.total = sum(i.square for i in inputs) + self.alpha
        self.config = {"k": "v", "n": 1}
        self.next(self.end)

    @step
    def end(self):
        print("total", self.total)


if __name__ == "__main__":
    TinyFlow()
