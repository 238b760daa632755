// numpy pickles: dtypes, `_reconstruct` arrays, `_frombuffer` arrays (protocol 5) and scalars.

func interpretNumPy(module: String, name: String, _ o: PickleObject) -> PickleValue? {
    return nil
}
