# Metaflow cards (get_cards): listing, the type and id filters, each card's attributes, its HTML.
import re
import metaflow.cards
from metaflow import Flow, get_namespace
from metaflow.cards import get_cards


def plain(text):
    """A default repr without its address."""
    return re.sub(r" at 0x[0-9a-f]+>", " at 0x...>", text)


run = Flow("CardFlow").latest_run
print(metaflow.cards.get_cards is get_cards)
for step in ("start", "report"):
    task = run[step].task
    cards = get_cards(task)
    print(step, len(cards), bool(cards), cards.from_resumed, cards.origin_pathspec)
    print(plain(repr(cards)), type(cards))
    for card in cards:
        print("  type=%r id=%r hash=%s (%d chars)" % (card.type, card.id, card.hash, len(card.hash)))
        print("  path:", card.path)
        print("  str:", str(card), "repr:", plain(repr(card)), type(card).__name__)
        print("  from_resumed:", card.from_resumed, "origin_pathspec:", card.origin_pathspec)
        html = card.get()
        print("  html: %d chars, starts %r" % (len(html), html[:60]))
        print("  html has <script>: %s, the best model: %s, a score: %s" % ("<script" in html, "alpha" in html, "0.91" in html))
        print("  html again is the same:", card.get() == html)
    print("  first card by index:", cards[0].path == list(cards)[0].path, cards[-1].path == list(cards)[-1].path)

report = run["report"].task
for kwargs in ({"type": "blank"}, {"type": "default"}, {"id": "summary"}, {"id": "details", "type": "blank"},
               {"type": "default", "id": "summary"}, {"type": "nosuch"}, {"id": "nosuch"}, {"type": 1},
               {"follow_resumed": False}, {"type": "BLANK"}):
    found = get_cards(report, **kwargs)
    print(kwargs, len(found), bool(found), sorted((c.type, c.id or "") for c in found))
print(get_cards(report, "summary")[0].id, get_cards(report, None, "default")[0].type)
# A pathspec works too, and (as in Python's client) sets the namespace to None first.
print(get_namespace())
by_pathspec = get_cards(report.pathspec, type="blank")
print(len(by_pathspec), sorted(c.id for c in by_pathspec), get_namespace())
summary = get_cards(report, id="summary")[0].get()
print("the summary card's data line:", summary[summary.index("window.__MF_DATA__["):][:120])
print("its end:", repr(summary[-60:]))
