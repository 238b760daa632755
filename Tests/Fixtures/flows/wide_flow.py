"""A 12-way foreach whose tasks differ: retried attempts, artifacts only some tasks have, values
shared between tasks (one blob), and a few artifacts over 1 MB. Loops over the tasks read the same
artifact from each (mfsh reads the siblings ahead in one batch); the answers must not change."""
from metaflow import FlowSpec, current, retry, step


class WideFlow(FlowSpec):
    """start -> train (foreach over 12 items) -> join -> end."""

    @step
    def start(self):
        """The items of the foreach."""
        self.items = list(range(12))
        self.next(self.train, foreach="items")

    @retry(times=2, minutes_between_retries=0)
    @step
    def train(self):
        """Items 1, 6 and 11 fail once, after setting an artifact the retry does not set."""
        self.item = self.input
        print("item %d, attempt %d" % (self.input, current.retry_count))
        if self.input % 5 == 1 and current.retry_count == 0:
            self.partial = "written by the failed attempt"
            raise RuntimeError("first attempt of item %d fails" % self.input)
        self.score = (self.input % 3) / 2
        self.label = "item-%d" % self.input
        if self.input % 2 == 0:
            self.extra = {"even": self.input}
        if self.input in (3, 8):
            self.big = bytes(1_500_000)
        self.attempt_seen = current.retry_count
        self.next(self.join)

    @step
    def join(self, inputs):
        """Collect the scores."""
        self.scores = sorted(i.score for i in inputs)
        self.next(self.end)

    @step
    def end(self):
        """Done."""
        print(self.scores)


if __name__ == "__main__":
    WideFlow()
