# An instance of a class defined in the flow file (pickled as __main__.TinyLinearModel): defining a
# class of that name in the reading script lets pickle rebuild it (state restored into __dict__).
from metaflow import Flow

task = Flow('DataFlow').latest_run['fit'].task


class TinyLinearModel:
    """The same name in this script's __main__ lets pickle rebuild the object."""


model = task.data.model
print(type(model).__name__, sorted(vars(model)))
print(model.alpha, model.coef_, model.coef_.dtype, model.intercept_, model.n_features_in_)
print(model.feature_names_in_, model.feature_names_in_.dtype, list(model.feature_names_in_))
print(Flow('DataFlow').latest_run['end'].task.stdout, end='')
print(task.stdout, end='')
