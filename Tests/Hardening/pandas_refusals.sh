#!/usr/bin/env bash
# numpy/pandas arguments mfsh does not implement are refused with an error naming them, never ignored
# (#15: `to_dict("records")` and `value_counts(normalize=True)` used to return the default answer).
# Each case runs on DataFlow's frame in the demo datastore; the expected error is mfsh's own wording,
# which CPython cannot produce, so it is checked here rather than in the compat suite.
source "$(dirname "$0")/lib.sh"
cd "$(demo_copy)"
pre='from metaflow import Flow; d = Flow("DataFlow").latest_run["frames"].task.data; df = d.df; s = df["score"]'
refused() {  # name expression regex: the expression must fail with a message matching regex
  local out
  out=$("$MFSH" -c "$pre; print($2)" 2>&1)
  check_grep "$1: refused" "$3" "$out"
}
refused "value_counts(bins=)" 's.value_counts(bins=3)' "TypeError: value_counts\(bins=\.\.\.\) is not supported by mfsh"
refused "value_counts(unknown=)" 's.value_counts(frequency=True)' "TypeError: value_counts\(\) got an unexpected keyword argument 'frequency'"
refused "value_counts(normalize='yes')" 's.value_counts(normalize="yes")' "normalize must be True or False"
refused "Series.to_dict(into=)" 's.to_dict(into=dict)' "Series.to_dict\(into=\.\.\.\) is not supported by mfsh"
refused "Series.to_dict('records')" 's.to_dict("records")' "TypeError: Series.to_dict\(\) takes 1 positional argument but 2 were given"
refused "DataFrame.to_dict(orient=bad)" 'df.to_dict("rows")' "ValueError: orient 'rows' not understood"
refused "DataFrame.to_dict(into=)" 'df.to_dict(into=dict)' "DataFrame.to_dict\(into=\.\.\.\) is not supported by mfsh"
refused "DataFrame.to_dict(index=False)" 'df.to_dict("records", index=False)' "'index=False' is only valid when 'orient' is 'split' or 'tight'"
refused "Series.sum(unknown=)" 's.sum(level=0)' "TypeError: sum\(\) got an unexpected keyword argument 'level'"
refused "Series.std(min_count=)" 's.std(min_count=1)' "TypeError: std\(\) got an unexpected keyword argument 'min_count'"
refused "Series.mean(numeric_only=True)" 's.mean(numeric_only=True)' "TypeError: mean\(\) got an unexpected keyword argument 'numeric_only'"
refused "ndarray.std(where=)" 'd.float_array.std(where=True)' "TypeError: std\(\) got an unexpected keyword argument 'where'"
refused "ndarray.prod(dtype=)" 'd.float_array.prod(dtype="float32")' "TypeError: prod\(dtype=\.\.\.\) is not supported by mfsh"
refused "ndarray.cumsum(out=)" 'd.float_array.cumsum(out=d.float_array)' "TypeError: cumsum\(out=\.\.\.\) is not supported by mfsh"
refused "ndarray.cumsum(unknown=)" 'd.float_array.cumsum(where=True)' "TypeError: cumsum\(\) got an unexpected keyword argument 'where'"
refused "nunique(unknown=)" 's.nunique(skipna=True)' "TypeError: nunique\(\) got an unexpected keyword argument 'skipna'"
refused "unique(args)" 's.unique(True)' "unique\(\) takes at most 0 positional arguments in mfsh"
# An axis by position was ignored (df.sum(1) gave the column sums): a value per row is refused.
refused "DataFrame.sum(1)" 'df.select_dtypes("number").sum(1)' "TypeError: DataFrame.sum\(axis=\.\.\.\) other than 0 \(a value per row\) is not supported by mfsh"
refused "DataFrame.mean(axis='columns')" 'df.select_dtypes("number").mean(axis="columns")' "DataFrame.mean\(axis=\.\.\.\) other than 0"
refused "DataFrame.to_numpy(na_value=)" 'df.to_numpy(na_value=0)' "DataFrame.to_numpy\(na_value=\.\.\.\) is not supported by mfsh"
refused "sort_values(key=)" 's.sort_values(key=abs)' "Series.sort_values\(key=\.\.\.\) is not supported by mfsh"
refused "sort_values(inplace=True)" 'df.sort_values("score", inplace=True)' "DataFrame.sort_values\(inplace=True\) is not supported by mfsh"
# What is implemented still answers.
check "DataFrame.sum(0) is the column sums" "True" "$("$MFSH" -c "$pre; n = df.select_dtypes('number'); print((n.sum(0) == n.sum()).all())" 2>&1)"
check "value_counts(normalize=True) answers" "0.6666666666666666" "$("$MFSH" -c "$pre; print(df['kind'].value_counts(normalize=True).tolist()[0])" 2>&1)"
finish
