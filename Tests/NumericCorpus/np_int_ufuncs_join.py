# numpy 2's integer and bool loops of floor/ceil/abs (the input's dtype, not float), np.abs being the
# 'absolute' ufunc, sign of bools refused; np.concatenate(axis=None) joins the flattened arrays;
# reshape(order='F') is refused rather than given in C order.
import numpy as np

m = np.array([[1, 2, 3], [4, 5, 6]])
for f in [np.floor, np.ceil, np.abs, np.absolute, np.sign]:
    for a in [np.array([True, False]), np.array([3], dtype=np.uint8), np.array([-3], dtype=np.int16),
              np.array([5, -2**62]), np.array([-1.5, 2.5]), np.array([-0.5], dtype=np.float32)]:
        try:
            print(f.__name__, repr(f(a)))
        except TypeError as e:
            print(f.__name__, "TypeError", e)
print(repr(np.sqrt(np.array([True, False]))), repr(np.sqrt(np.array([4], dtype=np.int16))), repr(np.floor(np.array([7]) / 2)))
print(repr(np.concatenate([m, m], axis=None)), repr(np.concatenate([m, np.array([7.5])], axis=None)), repr(np.concatenate((m, m), None)))
print(repr(np.concatenate([m, m])), repr(np.concatenate([m, m], axis=1)), repr(np.concatenate([m, m], axis=-1)))
print(repr(np.arange(6).reshape((3, 2), order="C")))
try:
    np.arange(6).reshape(2, 3, foo=1)
except TypeError as e:
    print("TypeError", e)
