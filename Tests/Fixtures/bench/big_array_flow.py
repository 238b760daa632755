# Benchmark data: a 40 MB float64 array artifact (5e6 random values: barely compressible).
import numpy as np
from metaflow import FlowSpec, step


class BigArrayFlow(FlowSpec):
    @step
    def start(self):
        self.array = np.random.default_rng(7).random(5_000_000)
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    BigArrayFlow()
