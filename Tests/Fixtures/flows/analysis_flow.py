"""A realistic evaluation table and feature arrays, as an ML team's flow leaves them: the artifacts
that numpy/pandas analysis in mfsh is tested on (Tests/Compat/analysis_*.py)."""
import numpy as np
import pandas as pd

from metaflow import FlowSpec, step


class AnalysisFlow(FlowSpec):
    """Score a model on 50,000 examples and keep the per-example table."""

    @step
    def start(self):
        """The evaluation table: int, float with NaN, float32, bool, str, categorical, datetime."""
        rng = np.random.default_rng(20240301)
        n = 50_000
        score = rng.normal(0.7, 0.12, n).round(4)
        score[rng.random(n) < 0.04] = np.nan
        self.frame = pd.DataFrame(
            {
                "id": np.arange(n, dtype=np.int64),
                "split": rng.choice(["train", "val", "test"], n, p=[0.7, 0.15, 0.15]).astype(str),
                "label": pd.Categorical(rng.choice(["cat", "dog", "bird", "fish", "frog"], n)),
                "score": score,
                "loss": rng.exponential(0.5, n).astype(np.float32),
                "correct": rng.random(n) < 0.7,
                "epoch": rng.integers(0, 10, n).astype(np.int32),
                "seen_at": pd.Timestamp("2024-03-01") + pd.to_timedelta(np.arange(n) * 29, unit="s"),
                "annotator": rng.choice(["ann", "bob", "cy", "dee"], n).astype(object),
                "weight": rng.uniform(0.5, 2.0, n).round(3),
                "latency_ms": rng.integers(3, 900, n),
            }
        )
        self.X = rng.normal(size=(2000, 6)).round(5)
        self.y = rng.random(2000) < 0.4
        self.history = np.cumsum(rng.normal(0.01, 0.05, 60)).round(4)
        self.nan_series = pd.Series([1.5, np.nan, 3.0, np.nan, 7.25], name="gaps")
        # Timestamps with a NaT, in milliseconds (Tests/Compat/analysis_dt.py: the .dt accessor).
        self.events = pd.Series(np.array(["2024-03-01T13:45:10", "NaT", "2024-02-29T23:59:59.250", "2023-12-31T00:00:00"],
                                         dtype="datetime64[ms]"), name="event")
        # More that pandas prints its own way (Tests/Compat/analysis_printing*.py): ordered categories
        # beyond display.max_categories, number categories, long category labels, a long named string
        # index, a DatetimeIndex with a frequency, a float index, inf and tiny/huge floats, and more
        # columns than a terminal has characters.
        sizes = ["xs", "s", "m", "l", "xl", "xxl", "3xl", "4xl", "5xl", "6xl"]
        self.sizes = pd.Series(pd.Categorical(["m", "s", "xl", "m", "6xl"], categories=sizes, ordered=True), name="size")
        self.grades = pd.Series(pd.Categorical([3, 1, 2, 3, 1]))
        self.species = pd.Series(pd.Categorical([f"species_number_{i % 12:03d}" for i in range(70)]), name="species")
        self.per_sample = pd.DataFrame(
            {"reads": np.arange(150) * 1000, "gc": np.linspace(0.3, 0.6, 150).round(4)},
            index=pd.Index([f"sample_{i:04d}" for i in range(150)], name="sample"),
        )
        hours = pd.date_range("2024-03-01", periods=72, freq="h", name="hour")
        self.hourly = pd.Series(np.arange(72) * 0.5, index=hours, name="load")
        self.thresholds = pd.Series([0.1, 0.25, 0.5], index=pd.Index([0.5, 0.75, 0.9], name="q"))
        self.extremes = pd.DataFrame(
            {"f64": [np.inf, -np.inf, np.nan, 1e-9, 1.5e10], "f32": np.array([np.inf, 0.5, np.nan, -2.0, 3.25], dtype=np.float32)}
        )
        self.very_wide = pd.DataFrame(np.arange(200).reshape(2, 100))
        note = "a free-text note longer than display.max_colwidth (50)"
        self.notes = pd.DataFrame(
            {"note": [note, "short"], "a column label longer than fifty characters, header only": [1, 2]},
            index=pd.Index([note.upper(), "row"], name="key"),
        )
        self.notes.columns.name = "field"
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(self.frame.shape, int(self.y.sum()))


if __name__ == "__main__":
    AnalysisFlow()
