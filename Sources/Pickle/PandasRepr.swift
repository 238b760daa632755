// Text display of pandas values, close to `print(df)`.

func dataFrameText(_ df: DataFrame) -> String { "DataFrame" }
func seriesText(_ s: Series) -> String { "Series" }
func indexRepr(_ i: PandasIndex) -> String { "Index" }
