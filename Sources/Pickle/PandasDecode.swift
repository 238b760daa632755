// pandas pickles: block managers, indexes, Series and DataFrames.

func interpretPandas(module: String, name: String, _ o: PickleObject) -> PickleValue? {
    return nil
}
