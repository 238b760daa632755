# Benchmark data for `Scripts/bench --huge`: a 1 GB float64 array artifact (125e6 random values,
# barely compressible), to check that reading it needs no more than about 1.5 GB.
import numpy as np
from metaflow import FlowSpec, step


class HugeArrayFlow(FlowSpec):
    @step
    def start(self):
        self.array = np.random.default_rng(11).random(125_000_000)
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    HugeArrayFlow()
