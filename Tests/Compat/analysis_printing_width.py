# compat-env: COLUMNS=120
# pandas fits a frame to `shutil.get_terminal_size()`, which reads $COLUMNS first: at 120 columns the
# 11-column frame shows more columns than at 80, and a 100-column frame is cut before it is laid out.
from metaflow import Flow

data = Flow('AnalysisFlow').latest_run['start'].task.data
print(data.frame)
print(data.frame.head(3))
print(data.very_wide)
print(data.frame.columns)
