// The help() texts of the view functions.

enum ViewsDocs {
    static let entries: [(name: String, signature: String, doc: String)] = [
        ("dag", "(run, *, svg=None, width=None)", """
        Draw a run's graph, each step with its status, tasks and duration.

        Each step is a box with its status (✓ done, ✗ failed, ● running, ○ not
        reached), task count and duration; branches side by side, a foreach as
        one double-framed box with "×N tasks", however many tasks ran.

        run: a Run, a Flow (its latest run), or a pathspec such as
        "BranchFlow/1712". svg="dag.svg" writes an SVG file instead of printing
        (every picture function takes svg=; svg=True returns the <svg> element as
        a str, for report(..., charts=)); width= caps the width (default: the
        terminal's, 80 when not a terminal).

            dag(Flow("TrainFlow"))
            dag(Run("BranchFlow/1712"), svg="branch.svg")
        """),
        ("timeline", "(run, *, svg=None, width=None)", """
        Draw when each task of a run ran: a Gantt chart, retries marked.

        A row per task (a step with more than 12 tasks: a summary row and its 3
        longest tasks), one bar per attempt, failed attempts shaded (▒), retries
        counted (↻N), the longest tasks marked ◀, a time axis below.

            timeline(Flow("WideFlow").latest_run)
            timeline(run, svg="timeline.svg")
        """),
        ("plot", "(x, y=None, *, title=None, width=None, height=15, svg=None)", """
        Line plot of y (against x) in braille dots, with ticked axes.

        y is plotted against x, else against 0, 1, 2... (or a Series' index).
        Takes lists, tuples, ranges, numpy arrays and pandas Series; None and
        NaN leave gaps.

            plot([r.data.accuracy for r in runs("TrainFlow", n=50)], title="acc")
            plot(np.arange(10), np.arange(10) ** 2, svg="squares.svg")
        """),
        ("scatter", "(x, y=None, *, title=None, width=None, height=15, svg=None)", """
        Scatter plot of y against x in braille dots (points not joined).

            scatter(df["loss"], df["accuracy"], title="loss vs accuracy")
        """),
        ("bar", "(labels, values=None, *, title=None, width=None, svg=None)", """
        Horizontal bar chart of labelled values.

        One row per label, the value at the end of its bar; bars start at zero
        (negative values to its left). bar(dict) and bar(series) take labels
        from the keys or the index.

            bar({"left": 0.91, "right": 0.87}, title="score per branch")
            bar(["a", "b"], [3, 5])
        """),
        ("hist", "(values, bins=10, *, title=None, width=None, height=15, svg=None)", """
        Histogram of the values in `bins` equal bins, counts on the y axis.

        The bins span the least to the greatest value; NaN is skipped.

            hist(run["train"].task.data.losses, bins=20)
        """),
        ("sparkline", "(values, *, width=None, svg=None)", """
        One line of ▁▂▃▄▅▆▇█ for a series of values.

        One character per value (averaged down to the width when there are more
        values); NaN is a blank.

            sparkline([r.data.accuracy for r in runs("TrainFlow", n=50)])
        """),
    ]
}
