"""numpy and pandas artifacts, and an instance of a class defined in this file."""
import numpy as np
import pandas as pd

from metaflow import FlowSpec, step


class TinyLinearModel:
    """Stands in for a scikit-learn estimator: fitted state lives in numpy arrays."""

    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, features, target):
        gram = features.T @ features + self.alpha * np.eye(features.shape[1])
        self.coef_ = np.round(np.linalg.solve(gram, features.T @ target), 6)
        self.intercept_ = 0.5
        self.n_features_in_ = features.shape[1]
        self.feature_names_in_ = np.array(["height", "width"], dtype=object)
        return self


class DataFlow(FlowSpec):
    """Build arrays and frames, then fit the stand-in model on them."""

    @step
    def start(self):
        """numpy arrays of several dtypes."""
        self.int_array = np.arange(6, dtype=np.int64)
        self.float_array = np.linspace(0.0, 1.0, 5)
        self.bool_array = np.array([True, False, True])
        self.matrix = np.arange(12, dtype=np.float64).reshape(3, 4)
        self.dates = np.array(["2024-01-01", "2024-02-29", "2024-12-31"], dtype="datetime64[D]")
        self.labels = np.array(["cat", "dog", "bird"])
        self.mean_score = np.float64(0.875)
        self.n_rows = np.int64(3)
        self.next(self.frames)

    @step
    def frames(self):
        """pandas objects of mixed dtypes."""
        self.df = pd.DataFrame(
            {
                "id": [1, 2, 3],
                "score": [0.5, 0.75, 1.0],
                "name": ["ann", "bob", "cy"],
                "kind": pd.Categorical(["a", "b", "a"]),
                "ok": [True, False, True],
            }
        )
        self.series = pd.Series([10, 20, 30], index=["x", "y", "z"], name="counts")
        self.daily = pd.DataFrame(
            {"sales": [100.0, 120.5, 99.25]},
            index=pd.date_range("2024-03-01", periods=3, freq="D", name="day"),
        )
        self.next(self.fit)

    @step
    def fit(self):
        """Fit the stand-in model."""
        features = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 4.0]])
        target = np.array([1.0, 2.0, 3.0])
        self.model = TinyLinearModel(alpha=0.1).fit(features, target)
        print("coef", self.model.coef_.tolist())
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(self.df.shape, self.series.sum())


if __name__ == "__main__":
    DataFlow()
