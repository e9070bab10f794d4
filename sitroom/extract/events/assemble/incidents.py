"""Which drafts report the same incident (rules 1 and 4 of ``assemble``).

An incident is told across sentences. The lead says what happened; later
sentences give its place, day, toll or perpetrator, and point back at it ("the
attack on Kawuri began before dawn on Tuesday", "this precision airstrike killed
three militants", "the militants killed hundreds of people in those attacks",
"there were no casualties reported"; ``args.refer``). ``merge`` groups them:

- a bare draft (no place or date of its own, ``Draft.bare``) that points back joins
  the nearest earlier incident of a compatible kind; a toll with no event word
  joins the incident told just before it (every incident of that sentence when
  it says "either side" or "both sides"): when it points back ("among the four
  killed", "no casualties"), up to two paragraphs later, otherwise only as the
  next sentence ("Three children and their aunt died");
- a bare draft that does not point back opens an incident that waits for its
  place and day: the next sentence that points back at it gives them
  ("Gunmen attacked a village, killing 20." + "the attack on Kawuri began on
  Tuesday"); an incident that never gets a place or a day is coded only when it
  has a death toll and its paragraph a place (``_coded``);
- a draft with a place but no day of its own that points back joins the nearest
  earlier incident of a compatible kind ("These air strikes took place in
  Shabwah");
- drafts with the same place, date and sub-event type form one group, and a
  draft with the same date as an earlier one and no conflicting place (or that
  opens by pointing back: "The market ...", "Sunday's ambush ...") joins it when
  both are political violence (Battles, Explosions/Remote violence, Violence
  against civilians); demonstrations and strategic developments join only their
  own sub-type. Two lines of a strike release join only as one town-day (same
  place, date and sub-type), and one part of a toll split by place joins nothing
  ("13 dead in Horlivka, while another five were killed in a suburb",
  ``figures.breakdown_part``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sitroom import lexicon
from sitroom.extract.events.assemble.dates import by_tense, stated
from sitroom.extract.events.assemble.figures import breakdown_part
from sitroom.extract.events.draft import Draft, dated
from sitroom.extract.events.headline import Headline, LazyHeadline
from sitroom.extract.events.report import is_background, is_release_line
from sitroom.extract.events.taxonomy import by_code
from sitroom.nlp.text import doc_text
from sitroom.numbers import arrested

# "The market, in the city's Dniprovsky district, was hit ...": a definite noun
# phrase opening the sentence points back at the incident already told.
_FOLLOW_UP = re.compile(r"\W*(?:the|this|that|[A-Z][a-z]+day's)\s", re.IGNORECASE)
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# "There were no casualties reported from either side": a toll for every incident
# of the sentence before.
_EVERY_SIDE = re.compile(r"\b(?:either|both|all) sides?\b", re.IGNORECASE)
# A toll with no event word of its own follows its incident closely: at most this
# many paragraph breaks after the incident's last sentence (one short paragraph
# between, as in "The attacks occurred ... / Entrances were sealed. / Among the
# four killed ...").
_TOLL_PARAGRAPHS = 2
_PARAGRAPH = re.compile(r"\n\s*\n")
# Trigger tags of an act told as done: past verbs and event nouns.
_TOLD_AS_DONE = frozenset({"VBD", "VBN", "NN", "NNS"})


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


def compatible(earlier: Draft, later: Draft) -> bool:
    """Whether two readings may be one incident by their kind of act."""
    first, second = by_code(earlier.code), by_code(later.code)
    if first.event_type in _VIOLENT_TYPES and second.event_type in _VIOLENT_TYPES:
        return True
    return first.name == second.name


def same_incident(earlier: Draft, later: Draft) -> bool:
    """Whether ``later`` reports the incident of ``earlier`` by date, place and kind."""
    if earlier.aggregate or later.aggregate or not (dated(earlier) and dated(later)):
        return False
    if is_release_line(earlier.sentence) and is_release_line(later.sentence):
        return False
    if earlier.listed or later.listed:
        return False  # a release line is its own place-day event (``Draft.listed``)
    a, b = earlier.when, later.when
    assert a is not None and b is not None  # checked by dated
    if (a.date_start, a.date_end) != (b.date_start, b.date_end):
        return False
    if by_tense(a):
        return False  # dated only by its tense ("is battling"): an ongoing front, not an incident
    # A place named in the later sentence must be the incident's, unless the
    # sentence opens by pointing back at it ("The market, in ... district, was hit").
    conflict = bool(later.own_place and later.place and earlier.place) and (
        (later.place or "").lower() != (earlier.place or "").lower()
    )
    if conflict and not _opens_on_incident(later):
        return False
    return compatible(earlier, later)


# People named first open a sentence about them, not about the incident's place
# ("The gunmen were jailed for the murder of ... in the capital").
_PEOPLE = lexicon.words("force_words") | lexicon.words("civilian_words") | frozenset({"people"})


def _opens_on_incident(draft: Draft) -> bool:
    """'The market, in the city's Dniprovsky district, was hit ...': the sentence opens on
    the incident or its target, so a place it names is the incident's own."""
    if not _FOLLOW_UP.match(draft.sentence.text):
        return False
    first = next((t for t in draft.sentence if t.pos_ in ("NOUN", "PROPN")), None)
    return first is None or (first.lower_ not in _PEOPLE and first.lemma_.lower() not in _PEOPLE)


def _key(draft: Draft) -> tuple[object, ...]:
    when = draft.when
    span = (
        (when.date_start, when.date_end)
        if when and when.date_start
        else (when.date_text if when else None)
    )
    place = draft.place.lower() if draft.place else None
    return (place, span, by_code(draft.code).name, draft.aggregate)


def _lead(group: list[Draft]) -> Draft:
    """The group's first draft with a place or a date of its own (its first if none)."""
    return next((d for d in group if not d.bare), group[0])


def _waiting(group: list[Draft]) -> bool:
    """An incident told so far only by bare sentences: it waits for its place and day."""
    return all(d.bare for d in group)


def _paragraphs_between(earlier: Draft, later: Draft) -> int:
    text = doc_text(later.sentence.doc)
    return len(_PARAGRAPH.findall(text, earlier.sentence.end_char, later.sentence.start_char))


def _next_to(earlier: Draft, later: Draft) -> bool:
    """Whether ``later`` is the unit right after ``earlier`` (nothing but spacing between)."""
    text = doc_text(later.sentence.doc)
    return not text[earlier.sentence.end_char : later.sentence.start_char].strip()


def _coded(group: list[Draft]) -> bool:
    """Whether an incident is coded: it has a place or a day of its own, or, told only by
    bare sentences, a death toll and a place from its paragraph ("the bodies of a family
    that was killed when a mortar hit their kitchen" + "Three children and their aunt
    died")."""
    if not _waiting(group):
        return True
    tolled = any(d.deaths.killed is not None and (d.deaths.killed.low or 0) > 0 for d in group)
    return (tolled or _held(group[0])) and group[0].place is not None


def _held(draft: Draft) -> bool:
    """An arrest that counts the people held ("authorities had arrested 23 people"): its
    count is what a toll is to an attack."""
    return draft.code == "ARREST" and arrested(draft.sentence.text) is not None


def _part_elsewhere(draft: Draft, group: list[Draft]) -> bool:
    """A toll that names a place of its own, other than the incident's, and counts fewer dead:
    a part of the incident's total told by place ("Fighting killed at least 18 people in
    Donetsk" + "13 dead in the city of Horlivka"), an incident of its own."""
    killed = draft.deaths.killed
    if not (draft.toll_only and draft.own_place and draft.place) or killed is None:
        return False
    lead = _lead(group)
    total = lead.deaths.killed
    if lead.place is None or lead.place.lower() == draft.place.lower() or total is None:
        return False
    return 0 < (killed.low or 0) < (total.low or 0)


def _told(draft: Draft, order: list[list[Draft]]) -> list[list[Draft]]:
    """The incidents a bare draft tells more of: none, one, or (a toll for "either side")
    every incident of the sentence before."""
    if not order:
        return []
    if draft.toll_only:
        last = max(order, key=lambda g: g[-1].sentence.end_char)
        if _paragraphs_between(last[-1], draft) > _TOLL_PARAGRAPHS:
            return []
        if not draft.points_back and not _next_to(last[-1], draft):
            return []  # "Three children and their aunt died" only right after its incident
        if _EVERY_SIDE.search(draft.sentence.text):
            sent = last[-1].sentence.sent
            return [g for g in order if any(d.sentence.sent == sent for d in g)]
        return [last]
    if not draft.points_back:
        return []
    return next(([g] for g in reversed(order) if compatible(_lead(g), draft)), [])


def _tolls(order: list[list[Draft]]) -> list[int]:
    return [
        d.deaths.killed.low
        for g in order
        for d in g
        if d.deaths.killed is not None and d.deaths.killed.low is not None
    ]


def _may_lead(draft: Draft) -> bool:
    """Whether a bare draft may open an incident: a violent act told as done ("Gunmen
    attacked a village"), not a purpose ("to seize ground") or a follow-up."""
    return (
        not (draft.points_back or draft.toll_only or draft.aggregate or draft.generic)
        and (by_code(draft.code).event_type in _VIOLENT_TYPES or _held(draft))
        and draft.trigger.tag_ in _TOLD_AS_DONE
    )


def _follows_up(draft: Draft, order: list[list[Draft]]) -> list[Draft] | None:
    """The incident a draft with a place of its own but no day of its own points back at
    ("These air strikes took place in Shabwah, Hadramawt and Al-Bayda governorates"):
    the nearest earlier one of a compatible kind."""
    if not draft.points_back or stated(draft) or draft.aggregate:
        return None
    return next(
        (g for g in reversed(order) if not _waiting(g) and compatible(_lead(g), draft)), None
    )


_REACTION = re.compile(
    r"\b(?:"
    + "|".join(sorted(lexicon.role_words("incident_words", "reaction")))
    + r")\b",
    re.IGNORECASE,
)


def _answers(draft: Draft, order: list[list[Draft]]) -> Draft | None:
    """A bare act told as the answer to the incident of the sentence just before ("Rebels
    captured a compound in Maarat al-Numan on Friday." + "The rebel advance triggered
    retaliatory air strikes by the government."): its own incident, of another kind, at
    that incident's place and day."""
    if draft.points_back or draft.toll_only or draft.aggregate or draft.generic:
        return None
    if not _REACTION.search(draft.sentence.text) or not order:
        return None
    last = max(order, key=lambda g: g[-1].sentence.end_char)
    lead = _lead(last)
    if _waiting(last) or not _next_to(last[-1], draft) or lead.listed:
        return None
    if by_code(lead.code).name == by_code(draft.code).name or not dated(lead):
        return None
    return replace(draft, place=lead.place, when=lead.when, bare=False)


def _points_at_headline(
    draft: Draft, order: list[list[Draft]], headline: LazyHeadline | None
) -> bool:
    """'The attacks occurred near the checkpoint' opening a report: it points back at the
    incident of the headline, nothing in the body before it."""
    return (
        headline is not None
        and not order
        and draft.points_back
        and not (draft.toll_only or draft.aggregate or draft.generic)
        and by_code(draft.code).event_type in _VIOLENT_TYPES
        and headline.get() is not None
    )


def _headline_incident(group: list[Draft], headline: Headline) -> list[Draft] | None:
    """The report's first incident, told only by bare sentences without a place, placed
    where the headline's act of a compatible kind happened ("Twin bombings hit market in
    Tal Bira" + "The attacks occurred near the main checkpoint"); a lead that
    names the act only as an attack takes the headline's kind."""
    lead = group[0]
    if headline.place is None or lead.place is not None or not _waiting(group):
        return None
    if by_code(lead.code).event_type not in _VIOLENT_TYPES:
        return None
    generic = lead.trigger.lemma_.lower() in ("attack", "assault")
    code = headline.code if generic and headline.code != "KILL" else lead.code
    return [replace(lead, place=headline.place, code=code), *group[1:]]


def merge(drafts: list[Draft], headline: LazyHeadline | None = None) -> list[list[Draft]]:
    """Group drafts into ACLED units: one per incident (location × date × sub-event type)."""
    groups: dict[tuple[object, ...], list[Draft]] = {}
    order: list[list[Draft]] = []
    for draft in drafts:
        if draft.bare:
            answer = _answers(draft, order)
            if answer is not None:
                order.append([answer])  # "... prompted retaliatory shelling"
                continue
            told = _told(draft, order)
            if len(told) == 1 and _part_elsewhere(draft, told[0]):
                order.append([replace(draft, code=_lead(told[0]).code)])
                continue
            for group in told:
                group.append(draft)
            if not told and (_may_lead(draft) or _points_at_headline(draft, order, headline)):
                order.append([draft])  # a lead waiting for its place and day
            continue
        if order and _waiting(order[-1]) and draft.points_back and compatible(order[-1][0], draft):
            order[-1].append(draft)  # "... the attack on Kawuri began on Tuesday"
            groups.setdefault(_key(draft), order[-1])
            continue
        followed = _follows_up(draft, order)
        if followed is not None:
            followed.append(draft)  # "These air strikes took place in Shabwah ..."
            continue
        key = _key(draft)
        if breakdown_part(draft, _tolls(order)):
            order.append([draft])  # "..., while another five were killed in a suburb"
            continue
        if key in groups:
            groups[key].append(draft)  # one town-day event, release lines included
            continue
        joined = next(
            (g for g in order if not _waiting(g) and same_incident(_lead(g), draft)), None
        )
        if joined is not None:
            joined.append(draft)
            continue
        group = [draft]
        if not (key[0] is None and key[1] is None):
            groups[key] = group
        order.append(group)
    coded: list[list[Draft]] = []
    for group in order:
        if _coded(group):
            coded.append(group)
        elif not coded and headline is not None and (read := headline.get()) is not None:
            placed = _headline_incident(group, read)
            coded.extend([placed] if placed is not None else [])
    return coded
