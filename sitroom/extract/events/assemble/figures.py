"""The death toll of an incident told across sentences (class 2 of issue 13).

A figure repeated for the same victims (the lead's "at least 20 killed" and a
later "the 20 victims", or a toll that two sources give differently) is one
figure: the group keeps the range (``low`` the smallest, ``fatality_text`` every
toll with its source). Figures add up only for distinct groups of victims: the
lines of a strike release, and a toll stated as additional ("another five were
killed", "a further 12", "1 soldier was also killed"). A zero ("no civilians were
killed", "there were no casualties") counts only when no sentence gives a death: it
speaks of another
group ("this airstrike killed three militants" + "no civilians were injured or
killed"). Within one sentence, ``numbers.casualties`` already sums its groups
("a woman and her two children").
"""

from __future__ import annotations

import re

from sitroom.extract.events.draft import Draft
from sitroom.extract.events.report import is_release_line
from sitroom.nlp.text import doc_text
from sitroom.numbers import casualties
from sitroom.records import Fatalities

FURTHER = r"(?:another|a further|an additional|further)"


def further(draft: Draft) -> bool:
    """Whether the draft's toll is "another five", "a further 12": more dead, not a rival count."""
    killed = draft.deaths.killed
    if killed is None:
        return False
    text = draft.sentence.text
    if re.search(rf"\b{FURTHER}\s+{re.escape(killed.text)}", text, re.I):
        return True
    # "1 soldier was also killed", "also killing two": more dead of the same incident.
    after = text[killed.end : killed.end + 40]
    before = text[max(0, killed.start - 20) : killed.start]
    return bool(_ALSO_AFTER.match(after) or _ALSO_BEFORE.search(before))


_ALSO_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:was|were)\s+also\s+\w+", re.IGNORECASE)
_ALSO_BEFORE = re.compile(r"\balso\s+(?:killed|killing)\s+$", re.IGNORECASE)


def breakdown_part(draft: Draft, tolls: list[int]) -> bool:
    """Whether "another five" is part of a toll already told: "killed at least 18 people
    in Donetsk" then "13 dead in Horlivka, while another five were killed in a suburb"
    splits the 18 by place (13 + 5), and the five are an incident of their own.
    ``tolls`` are the deaths of the incidents told so far."""
    killed = draft.deaths.killed
    if killed is None or killed.low is None or not further(draft):
        return False
    sent = draft.sentence.sent
    before = doc_text(sent.doc)[sent.start_char : draft.sentence.start_char]
    earlier = casualties(before).killed if before.strip() else None
    if earlier is None or earlier.low is None:
        return False
    return earlier.low + killed.low in tolls


def group_fatalities(group: list[Draft]) -> tuple[Fatalities, str | None]:
    """Deaths of an incident (see the module docstring) and the tolls as written."""
    counted = [d for d in group if d.deaths.killed is not None]
    if any((d.deaths.killed.low or 0) > 0 for d in counted if d.deaths.killed is not None):
        counted = [d for d in counted if d.deaths.killed is not None and d.deaths.killed.low != 0]
    if not counted:
        return Fatalities(), None
    kills = [d.deaths.killed for d in counted if d.deaths.killed is not None]
    listing = len(counted) > 1 and all(is_release_line(d.sentence) for d in counted)
    added = [d for d in counted[1:] if further(d)]
    if added and len(added) == len(counted) - 1:
        # "killed 18 people in Donetsk, while another five were killed in a suburb":
        # the later figures add to the first.
        extra = sum((d.deaths.killed.low or 0) for d in added if d.deaths.killed is not None)
        first = kills[0]
        return Fatalities(
            None if first.low is None else first.low + extra,
            None if first.best is None else first.best + extra,
            None if first.high is None else first.high + extra,
        ), "; ".join(str(d.deaths.fatality_text) for d in counted)
    if listing:
        total = sum(k.low or 0 for k in kills)
        return Fatalities(total, total, total), "; ".join(k.text for k in kills)
    lows = [k.low for k in kills if k.low is not None]
    highs = [k.high if k.high is not None else k.low for k in kills]
    bests = [k.best for k in kills if k.best is not None]
    text = "; ".join(
        f"{d.deaths.fatality_text} ({', '.join(d.sources)})"
        if d.sources
        else str(d.deaths.fatality_text)
        for d in counted
    )
    high_values = [h for h in highs if h is not None]
    return Fatalities(
        min(lows) if lows else None,
        max(bests) if len(set(bests)) == 1 else (round(sum(bests) / len(bests)) if bests else None),
        max(high_values) if high_values and all(h is not None for h in highs) else None,
    ), text
