"""Document-level decisions: from one draft per unit to one group per incident.

``assemble(drafts, published)`` runs them in order over the drafts of a report:

1. Background out (``drop_background``): drafts ``report.is_background`` calls
   context are dropped, unless they restate an incident already kept.
2. Dates (``inherit_dates``, ``_carried``): an undated draft takes the date of the nearest
   earlier dated incident in the report, or the lead incident's date if it
   comes before any, with ``date_text`` saying so ("Sunday night (from an
   earlier sentence)"). "A day after ..." counts from that incident
   (``resolve_date(anchor=...)``). A report with no dated incident at all codes
   its past-tense events to the week before publication (time precision 2,
   "(undated; week before publication)"): news wires report the last days'
   events, and ACLED codes undated reports to the report with a lower
   precision. Without a publication date nothing is guessed.
3. Strike releases (``fold_release``): a release's summary goes, its "Near X,
   ..." lines take the releasing force as actor1 and the air-strike code.
4. Incidents (``same_incident``, ``_merge``): drafts with the same place, date and
   sub-event type form one group, and a draft with the same date as an earlier one
   and no conflicting place (or that opens by pointing back: "The market ...",
   "Sunday's ambush ...") joins it when both are political
   violence (Battles, Explosions/Remote violence, Violence against civilians);
   demonstrations and strategic developments join only their own sub-type.
   Each group becomes one ``Event`` (``record.to_event``).

See ``report/background.py`` and ``report/releases.py`` for the per-draft
readings these decisions use.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sitroom.extract.events.draft import Draft, dated
from sitroom.extract.events.report import (
    country_wide,
    is_background,
    listed_strike,
    release_force,
)
from sitroom.extract.events.taxonomy import by_code
from sitroom.resolve.dates import DateRange, resolve_date

_DAY_AFTER = re.compile(
    r"\b(?:a|one|two|three|the) days? (?:after|later)|\bthe (?:next|following) day\b", re.I
)


# "The market, in the city's Dniprovsky district, was hit ...": a definite noun
# phrase opening the sentence points back at the incident already told.
_FOLLOW_UP = re.compile(r"\W*(?:the|this|that|[A-Z][a-z]+day's)\s", re.IGNORECASE)


_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def drop_background(drafts: list[Draft], published: date | None) -> list[Draft]:
    """Drafts that are not background; a restatement of a kept incident joins it instead.

    "Monday's ambush was the deadliest attack since the start of the year" is
    background by its wording but names the incident already told: it is kept
    so that its sources and evidence join that event.
    """
    kept: list[Draft] = []
    for draft in drafts:
        if not is_background(draft, published):
            kept.append(draft)
        elif _FOLLOW_UP.match(draft.sentence.text) and any(same_incident(k, draft) for k in kept):
            kept.append(replace(draft, aggregate=False))
    return kept


def inherit_dates(drafts: list[Draft], published: date | None) -> list[Draft]:
    """Give undated drafts the date of the incident they follow up (rule 2)."""
    lead = next((d for d in drafts if _anchors(d)), None)
    out: list[Draft] = []
    incident: Draft | None = None
    for draft in drafts:
        when = draft.when
        anchor = incident or lead
        if _relative_day(draft):
            when = _day_after(draft, anchor.when if anchor and anchor is not draft else None)
        elif not dated(draft) and not draft.aggregate:
            when = _carried(anchor, incident is None, published, draft)
        draft = replace(draft, when=when)
        if dated(draft) and not draft.aggregate:
            incident = draft
        out.append(draft)
    return out


def _relative_day(draft: Draft) -> bool:
    """'a day after the blast': the DATE entity is only "a day"; the sentence says after."""
    match = _DAY_AFTER.search(draft.sentence.text)
    text = (draft.when.date_text if draft.when else "") or ""
    return match is not None and text.lower() in match.group(0).lower()


def _anchors(draft: Draft) -> bool:
    return dated(draft) and not draft.aggregate and not _relative_day(draft)


def _plain(when: DateRange) -> str:
    """The date as the report wrote it, without an earlier provenance note."""
    return re.sub(r"\s*\((?:from|a day|ongoing)[^)]*\)$", "", when.date_text or "")


def _day_after(draft: Draft, anchor: DateRange | None) -> DateRange | None:
    """'The strike came a day after a drone attacked a bus': the bus attack was the day before."""
    if anchor is None or anchor.date_start is None or anchor.date_end is None:
        return DateRange(None, None, None, draft.when.date_text if draft.when else "")
    text = draft.sentence.text
    after = re.search(r"\b(?:after|later)\b", text)
    # The trigger inside the "after ..." clause is the earlier event.
    earlier = after is not None and draft.trigger.idx - draft.sentence.start_char > after.start()
    back_reference = draft.trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in draft.trigger.children
    )
    if earlier and back_reference:
        # "A day after the blast, the road was closed": "the blast" is the incident itself.
        return replace(anchor, date_text=f"{_plain(anchor)} (from an earlier sentence)")
    if earlier:
        step = timedelta(days=1)
        return DateRange(
            anchor.date_start - step,
            anchor.date_end - step,
            anchor.time_precision,
            f"a day before {_plain(anchor)} (from an earlier sentence)",
        )
    later = resolve_date("a day later", published=None, anchor=anchor)
    if later is None:
        return None
    return replace(later, date_text=f"a day after {_plain(anchor)} (from an earlier sentence)")


def _carried(
    anchor: Draft | None, from_lead: bool, published: date | None, draft: Draft
) -> DateRange | None:
    if anchor is not None and anchor.when is not None and anchor is not draft:
        if from_lead and anchor.sentence.start > draft.sentence.start:
            where = "from a later sentence"
        else:
            where = "from the lead" if from_lead else "from an earlier sentence"
        return replace(anchor.when, date_text=f"{_plain(anchor.when)} ({where})")
    past = draft.trigger.tag_ in ("VBD", "VBN", "NN", "NNS")
    if published is None or not past:
        return draft.when
    return DateRange(
        published - timedelta(days=6), published, 2, "(undated; week before publication)"
    )


def same_incident(earlier: Draft, later: Draft) -> bool:
    """Whether ``later`` reports the incident of ``earlier`` (rule 3)."""
    if earlier.aggregate or later.aggregate or not (dated(earlier) and dated(later)):
        return False
    if earlier.listed or later.listed:
        return False  # a release line is its own place-day event (``Draft.listed``)
    a, b = earlier.when, later.when
    assert a is not None and b is not None  # checked by _dated
    if (a.date_start, a.date_end) != (b.date_start, b.date_end):
        return False
    if resolve_date(_plain(a), published=a.date_end) is None:
        return False  # dated only by its tense ("is battling"): an ongoing front, not an incident
    # A place named in the later sentence must be the incident's, unless the
    # sentence opens by pointing back at it ("The market, in ... district, was hit").
    conflict = bool(later.own_place and later.place and earlier.place) and (
        (later.place or "").lower() != (earlier.place or "").lower()
    )
    if conflict and not _FOLLOW_UP.match(later.sentence.text):
        return False
    first, second = by_code(earlier.code), by_code(later.code)
    if first.event_type in _VIOLENT_TYPES and second.event_type in _VIOLENT_TYPES:
        return True
    return first.name == second.name


_STRIKES = re.compile(r"\b(?:air ?)?strikes\b", re.IGNORECASE)


# A listed strike that hit a weapons cache, a vehicle or a fighting position is
# still an air strike (ACLED codes the strike, not what it destroyed).
_STRIKE_LEMMAS = frozenset({"strike", "airstrike"})


# Fewer lines than this are not a list.
_MIN_LINES = 2


def fold_release(drafts: list[Draft]) -> list[Draft]:
    """Drop a release's summary; its lines take its force as actor1 and the strike code."""
    listed = [listed_strike(d.sentence) for d in drafts]
    if sum(listed) < _MIN_LINES and not any(d.listed for d in drafts):
        return drafts  # one "Near X, ..." line is a release; one sentence of news is not
    # A release may list its strikes in sections ("Strikes in Syria", "Strikes in
    # Iraq"), each under its own summary: any summary before a listed line goes.
    last = max(d.sentence.start_char for d, line in zip(drafts, listed, strict=True) if line)
    summary = [
        not line
        and (
            (d.sentence.start_char < last and _STRIKES.search(d.sentence.text) is not None)
            or country_wide(d)  # "the operation to destroy ISIS in Iraq and Syria"
        )
        for d, line in zip(drafts, listed, strict=True)
    ]
    force = next(
        (
            a
            for d, dropped in zip(drafts, summary, strict=True)
            if dropped and (a := release_force(d.sentence)) is not None
        ),
        None,
    )
    out = []
    for draft, line, dropped in zip(drafts, listed, summary, strict=True):
        if dropped:
            continue
        if line:
            if draft.actor1_text is None and force is not None:
                draft = replace(draft, actor1_text=force)
            if draft.trigger.lemma_.lower() in _STRIKE_LEMMAS:
                draft = replace(draft, code="AIR_STRIKE")
        out.append(draft)
    return out


def _key(draft: Draft) -> tuple[object, ...]:
    when = draft.when
    span = (
        (when.date_start, when.date_end)
        if when and when.date_start
        else (when.date_text if when else None)
    )
    place = draft.place.lower() if draft.place else None
    return (place, span, by_code(draft.code).name, draft.aggregate)


def _merge(drafts: list[Draft]) -> list[list[Draft]]:
    """Group drafts into ACLED units: one per incident (location × date × sub-event type)."""
    groups: dict[tuple[object, ...], list[Draft]] = {}
    order: list[list[Draft]] = []
    for draft in drafts:
        key = _key(draft)
        if key in groups:
            groups[key].append(draft)
            continue
        joined = next((g for g in order if same_incident(g[0], draft)), None)
        if joined is not None:
            joined.append(draft)
            continue
        if key[0] is None and key[1] is None:
            order.append([draft])
            continue
        groups[key] = [draft]
        order.append(groups[key])
    return order


def assemble(drafts: list[Draft], published: date | None) -> list[list[Draft]]:
    """The report's incidents, in order: groups of drafts, one group per event."""
    return _merge(fold_release(inherit_dates(drop_background(drafts, published), published)))


__all__ = ["assemble", "drop_background", "fold_release", "inherit_dates", "same_incident"]
