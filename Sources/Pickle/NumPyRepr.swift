// numpy's repr for arrays, dtypes and scalars.

func ndarrayRepr(_ a: NDArray) -> String { "array(...)" }
func dtypeReprArgument(_ d: NDDType) -> String { "'?'" }
func numpyScalarRepr(_ s: NDScalar) -> String { "np.scalar(...)" }
