# Benchmark data for Scripts/bench-numeric: 5-million-element arrays (random float64, zeros, int64) and
# a 50,000-row frame with 5 groups, the sizes the numpy/pandas issue (#15) measures.
import numpy as np
import pandas as pd
from metaflow import FlowSpec, step


class NumericBenchFlow(FlowSpec):
    @step
    def start(self):
        rng = np.random.default_rng(15)
        self.big = rng.random(5_000_000)
        self.zeros = np.zeros(5_000_000)
        self.ints = rng.integers(0, 1000, 5_000_000)
        n = 50_000
        self.frame = pd.DataFrame({
            "group": rng.choice(["a", "b", "c", "d", "e"], n),
            "score": rng.random(n),
            "count": rng.integers(0, 100, n),
        })
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    NumericBenchFlow()
