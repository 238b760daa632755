# Comparing an array with a list compares it as numpy's array of that list: broadcast (a column
# list against a row gives a matrix) or numpy's shape ValueError, never a plain False; a Series
# against a list or array of another length is pandas' "Lengths must match" ValueError; pandas 3's
# words for the truth value of a Series or DataFrame.
import numpy as np
import pandas as pd

cases = [
    lambda: np.array([1, 2, 3]) == [1, 2],
    lambda: np.array([1, 2, 3]) != [1, 2],
    lambda: np.array([1, 2, 3]) < np.array([1, 2]),
    lambda: np.array([1, 2]) == [[1], [2], [3]],
    lambda: np.array([1.5, 2]) >= [1, 3],
    lambda: [3, 1] > np.array([2, 2]),
    lambda: np.array([1, 2, 3]) == (1, 2, 3),
    lambda: np.array(["a", "b"]) == ["a", "c"],
    lambda: pd.Series([1.0, 2, 3]) == [1.0, 5, 3],
    lambda: pd.Series(["a", None, "b"]) != ["a", "x", None],
    lambda: pd.Series([1.0, 2, 3]) < np.array([2, 2, 2]),
]
for case in cases:
    print(repr(case()))
for bad in [lambda: pd.Series([1.0, 2, 3]) == [1.0], lambda: pd.Series([1.0, 2, 3]) > np.array([1.0, 2]), lambda: bool(pd.Series([1, 2])),
            lambda: bool(pd.DataFrame({"a": [1]})), lambda: pd.Series([1]) and pd.Series([2])]:
    try:
        print(bad())
    except ValueError as e:
        print("ValueError", str(e)[:30] if "Lengths" in str(e) else e)
# Tuples are read as lists (broadcast too); values of another kind compare unequal element by element.
for case in [lambda: np.array([1, 2]) == (1,), lambda: np.array([1, 2]) != (2, 2), lambda: np.array([1, 2]) == "a",
             lambda: np.array([1.0, np.nan]) == None, lambda: np.array(["a", "b"]) == 1, lambda: pd.Series([1, 2]) == "a"]:
    print(repr(case()))
