# Errors of get_cards and its CardContainer: class names, messages and what they derive from.
from metaflow import Flow, namespace
from metaflow.exception import MetaflowException
from metaflow.cards import get_cards

run = Flow("CardFlow").latest_run
end = run["end"].task
namespace(None)
resumed = Flow("FailFlow").latest_successful_run["start"].task
cases = [
    ("no cards on end", lambda: get_cards(end)),
    ("no cards, type filter", lambda: get_cards(end, type="blank")),
    ("no cards, id filter", lambda: get_cards(end, id="summary")),
    ("no cards, type=1", lambda: get_cards(end, type=1)),
    ("no cards, by pathspec", lambda: get_cards(end.pathspec)),
    ("resumed task: its origin's", lambda: get_cards(resumed)),
    ("resumed task, not followed", lambda: get_cards(resumed, follow_resumed=False)),
    ("pathspec of a run", lambda: get_cards(run.pathspec)),
    ("pathspec with 5 parts", lambda: get_cards(end.pathspec + "/x")),
    ("unknown task", lambda: get_cards("CardFlow/%s/end/999999" % run.id)),
    ("unknown flow", lambda: get_cards("NoSuchFlow/1/start/1")),
    ("an int", lambda: get_cards(42)),
    ("a Run", lambda: get_cards(run)),
    ("None", lambda: get_cards(None)),
    ("no argument", lambda: get_cards()),
    ("unknown keyword", lambda: get_cards(end, nosuch=1)),
    ("too many arguments", lambda: get_cards(end, None, None, True, 5)),
    ("index 3 of 3", lambda: get_cards(run["report"].task)[3]),
    ("index 7 of 3", lambda: get_cards(run["report"].task)[7]),
    ("index -4 of 3", lambda: get_cards(run["report"].task)[-4]),
    ("index -3 of 3", lambda: get_cards(run["report"].task)[-3].type),
    ("index 'a'", lambda: get_cards(run["report"].task)["a"]),
    ("a slice", lambda: get_cards(run["report"].task)[0:1]),
    ("unknown attribute", lambda: get_cards(run["start"].task)[0].nosuch),
]
for label, call in cases:
    try:
        result = call()
        print(label, "->", type(result).__name__, result if isinstance(result, str) else "")
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", str(error))
        if isinstance(error, MetaflowException):
            print("   a MetaflowException; headline:", error.headline)
