"""Document triage: a cheap first pass that decides whether a document can hold a
codable event (or a sourced claim about one) before anything is parsed.

It reads the cleaned text only, with the event cues of ``cues.tsv`` (ACLED's event
vocabulary). A document is kept when the weights of the cues it contains add up to
``required_score`` (more for a long text); each cue counts at most twice, so one
word repeated through a long political article does not carry it. A document
triaged out is stored with its metadata and the reason (``sitroom triaged``) and
can be processed in full later (``sitroom reprocess --triaged-out``). Recall comes
first: ``benchmarks/triage_recall.py`` prints what is kept on conflict and
political news.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.triage.lexicon import load_lexicon

# The score a long document needs to be parsed; a short one needs less, because it is
# cheap to parse and a single report of one incident ("Police arrested 12 protesters")
# holds few cues: MIN_SCORE plus one point per WORDS_PER_POINT words, up to KEEP_SCORE.
# Chosen on ../shared/benchmarks/sitroom-reports (ours to tune on: every report must be
# kept, the short Wikinews protest items are the closest) and PolNeAR train (political
# news: the share triaged out); benchmarks/triage_recall.py prints both.
KEEP_SCORE = 6
MIN_SCORE = 2
WORDS_PER_POINT = 100
# A text shorter than a paragraph is always kept: it costs next to nothing to parse, and
# a one-sentence report ("Troops shelled the village") holds too few words for a count
# of cues to decide on. Triage pays off on articles.
SHORT_TEXT_WORDS = 80
# A cue counted more often than this adds nothing more.
MAX_COUNT_PER_CUE = 2


@dataclass(frozen=True, slots=True)
class Triage:
    """The decision on one document: kept, or out with a reason a person can read."""

    keep: bool
    score: int
    reason: str | None = None


def cue_score(text: str, *, stop_at: int | None = None) -> int:
    """The sum of event-cue weights in ``text``; stops early once ``stop_at`` is reached."""
    lowered = text.lower()
    score = 0
    for cue in load_lexicon().scored():
        found = 0
        for _match in cue.pattern.finditer(lowered):
            found += 1
            if found == MAX_COUNT_PER_CUE:
                break
        score += cue.weight * found
        if stop_at is not None and score >= stop_at:
            break
    return score


def required_score(text: str) -> int:
    """The event-cue score a text of this length needs to be kept."""
    return min(KEEP_SCORE, MIN_SCORE + len(text.split()) // WORDS_PER_POINT)


def triage_text(text: str) -> Triage:
    """Keep or triage out one cleaned text."""
    if len(text.split()) < SHORT_TEXT_WORDS:
        return Triage(keep=True, score=cue_score(text))
    needed = required_score(text)
    score = cue_score(text, stop_at=needed)
    if score >= needed:
        return Triage(keep=True, score=score)
    return Triage(
        keep=False,
        score=score,
        reason=f"too few event cues: score {score} < {needed} (sitroom/triage/cues.tsv)",
    )


__all__ = ["KEEP_SCORE", "Triage", "cue_score", "required_score", "triage_text"]
