# numpy artifacts of DataFlow: repr, str, dtype, shape, values and arithmetic.
from metaflow import Flow

data = Flow('DataFlow').latest_run['start'].task.data
for name in ['int_array', 'float_array', 'bool_array', 'matrix', 'dates', 'labels', 'mean_score', 'n_rows']:
    value = getattr(data, name)
    print(f"{name}: {type(value).__name__} {value.dtype} {value.shape}")
    print(repr(value))
    print(str(value))
    print(value.tolist())
m = data.matrix
print(m.sum(), m.mean(), m[1], m[:, 2], m.T.shape, m[2, 3], m.ndim, m.size)
print(data.int_array * 2, data.int_array.sum(), data.float_array[-1], data.bool_array.any(), data.bool_array.sum())
print(data.labels[0], data.dates[1], str(data.dates[2]), data.dates.dtype.name)
print(float(data.mean_score), int(data.n_rows), data.mean_score + 1, data.n_rows * 2)
print(Flow('DataFlow').latest_run['start'].task['matrix'].size, Flow('DataFlow').latest_run['start'].task['int_array'].size)
