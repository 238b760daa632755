"""Metaflow cards: the default card, blank cards with ids filled through `current.card`, more than
one card on one step, and a step without any card (get_cards' "not found" error)."""
from metaflow import FlowSpec, card, current, step
from metaflow.cards import Markdown, Table


class CardFlow(FlowSpec):
    """start has the default card; report has a default card and two blank ones with ids; end has none."""

    @card
    @step
    def start(self):
        """Artifacts for the default card to show."""
        self.scores = {"alpha": 0.91, "beta": 0.78, "gamma": 0.85}
        self.title = "Card fixture"
        self.next(self.report)

    @card
    @card(type="blank", id="summary")
    @card(type="blank", id="details")
    @step
    def report(self):
        """Components appended to the blank cards by id."""
        best = max(self.scores, key=self.scores.get)
        current.card["summary"].append(Markdown("# Summary\n\nThe best model is **%s**." % best))
        current.card["details"].append(
            Table([[name, score] for name, score in sorted(self.scores.items())], headers=["model", "score"])
        )
        self.best = best
        self.next(self.end)

    @step
    def end(self):
        """No card here."""
        print("best:", self.best)


if __name__ == "__main__":
    CardFlow()
