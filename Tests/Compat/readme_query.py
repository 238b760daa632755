# The README's one-liner, and the rest of the demo run's end data.
from metaflow import Flow

print(Flow('TrainFlow').latest_run['end'].task.data.accuracy)
run = Flow('TrainFlow').latest_run
data = run['end'].task.data
print(type(data.accuracy).__name__, data.accuracy)
print(data.best_params)
print(data.model)
print(data.all_scores)
print(data.epochs, data.name)
print(f"{data.accuracy:.3f}", round(data.accuracy * 100, 1))
