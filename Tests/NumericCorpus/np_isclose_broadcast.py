# np.isclose broadcasts as numpy does (an array of one element against a scalar is still an array,
# not a scalar; a column against a row gives a matrix), np.allclose too; float()/int() of an array
# take a 0-d array only (numpy 2's TypeError otherwise).
import numpy as np

cases = [
    lambda: np.isclose(np.array([0.1 + 0.2]), 0.3),
    lambda: np.isclose(0.3, np.array([[0.3], [0.4]])),
    lambda: np.isclose(np.array([1.0, 2.0]), np.array([[1.0], [2.0]])),
    lambda: np.isclose(0.1, 0.1),
    lambda: np.isclose(np.array([1.0, np.nan]), np.nan, equal_nan=True),
    lambda: np.allclose(np.array([1.0, 2.0]), np.array([[1.0], [2.0]])),
    lambda: np.allclose(np.array([[1.0, 1.0]]), 1.0),
    lambda: np.isclose(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0])),
    lambda: float(np.array(1.5)),
    lambda: int(np.array(7)),
    lambda: int(np.array(-2.7)),
    lambda: float(np.array(True)),
    lambda: float(np.array([1.5])),
    lambda: int(np.array([[2]])),
    lambda: float(np.array([])),
    lambda: int(np.array(np.nan)),
]
for case in cases:
    try:
        print(repr(case()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
