"""Event extraction: ACLED-style events from a parsed report.

For each sentence (split at paragraph breaks): find factual triggers over the
parse (``triggers``), type the sentence with the weighted cues
(``classify.dominant``; the trigger's default type when cues are weak), read the
place (``args.places``), the date (``args.when``), the actors (``args.parties``),
the casualties (``numbers.counts``) and the certainty from the attributions covering
the sentence. A unit with no place or date in its trigger's clause is a bare draft,
and a unit with a toll but no event word a toll-only one; ``assemble`` decides which
incident each belongs to (background out, dates, release lines, one event per
incident, with every sentence as evidence). Actors are only people and groups
(``args.actors``); an attack on a thing names its victims.

Precision rules: a sentence yields at most one draft; a draft without a date or a
place in its trigger's clause is coded only as part of an incident; present-perfect
totals without a date of their own ("airstrikes have killed 8,500 fighters")
are kept as ``aggregate=True``, never as single-day events.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitroom.extract.events.args import (
    ANAPHOR,
    actors,
    event_date,
    fought_back,
    location_text,
    named_dead,
    named_later,
    place_ents,
    points_back,
    victims,
)
from sitroom.extract.events.assemble import assemble
from sitroom.extract.events.classify import MIN_CUE_SCORE, classify_string, default_code
from sitroom.extract.events.draft import Draft
from sitroom.extract.events.headline import lazy_headline
from sitroom.extract.events.nominal import anchored_incident
from sitroom.extract.events.record import ARMED_INTER, CROWD_ACTORS, context_country, to_event
from sitroom.extract.events.report import dated_items, line_place
from sitroom.extract.events.taxonomy import by_code, is_acled
from sitroom.extract.events.triggers import (
    aspectual,
    clause_head,
    find_triggers,
    finding_verb,
    past_form,
)
from sitroom.extract.events.units import units
from sitroom.nlp.text import doc_text
from sitroom.numbers import Casualties, casualties, iter_counts
from sitroom.records import Attribution, Event
from sitroom.resolve.actors import normalize_actor
from sitroom.resolve.dates import DateRange, resolve_date

# A non-ACLED reading ("earthquake", "plane crash") this strong vetoes the sentence.
_OUT_OF_SCOPE_VETO = 3.0
_HEDGES_UNCONFIRMED = {"unconfirmed", "disputed", "alleged", "unverified", "denied", "rumor"}
_TEXT_UNCONFIRMED = re.compile(
    r"\b(?:can(?:no|')t be (?:independently )?(?:confirmed|verified)|"
    r"could not be (?:independently )?(?:confirmed|verified)|unconfirmed|unverified)\b",
    re.IGNORECASE,
)
# "X came a day after Y": verbs that place a known incident against a new one.
_SEQUENCE_VERBS = frozenset({"come", "follow", "happen", "occur"})
_TEXT_CLAIMED = re.compile(r"\bclaim(?:ed|s)?\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\b(?:since|so far|to date|in total|altogether|over the past)\b", re.IGNORECASE
)
_TOLL_UPDATE = re.compile(
    r"\b(?:death )?toll\b[^.;]{0,140}?\b(?:rose|risen|climbed|increased|jumped|reached)\b",
    re.IGNORECASE,
)
# A possessive day before the event noun (the small model splits "Friday night's").
_POSSESSIVE_DAY = re.compile(
    r"\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:night|morning|afternoon|evening))?|"
    r"yesterday|\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})['’]s\b"
)
# Event types whose actor2 is the people harmed (the victims' group when the
# parse names only a thing: "a market", "a bus").
# Where a victim who fired first turns the event into a clash with those he fired on.
_FIGHT_TYPES = frozenset({"Battles", "Violence against civilians"})
_HARM_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Words that make a sentence a report of a demonstration; without one, a protest
# reading comes from "strike" (an air strike) or "mourning" and is dropped.
_PROTEST_WORD = re.compile(
    r"\b(?:protest\w*|rall(?:y|ied|ies)|demonstrat\w*|march(?:ed|es)?|sit-in|riot\w*|mob|"
    r"gather\w*|chant\w*|strikers|walkout|boycott\w*)\b",
    re.IGNORECASE,
)
# Words that tell a fight between sides, not a killing of someone who could not fight back.
_BATTLE_WORD = re.compile(
    r"\b(?:clash\w*|battl\w+|fight\w*|firefights?|gunfights?|exchanges? of fire|shootouts?)\b",
    re.IGNORECASE,
)
# Nouns of killing whose count of people is the death toll even without "killed".
# ("lose": "lost three soldiers" counts its dead the same way.)
_KILLING_NOUNS = {"execution", "execute", "massacre", "killing", "behead", "lose"}
_VICTIM_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:the\s+)?(?:[\w'’]+\s+){0,3}?(?:members|people|men|civilians|fighters|prisoners|"
    r"soldiers|villagers|women|children|persons|captives|hostages|warriors|troops|marines|"
    r"sailors|airmen|servicemen|service members)\b",
    re.IGNORECASE,
)


def extract_events(
    doc: Doc,
    attributions: tuple[Attribution, ...],
    *,
    published: date | None,
    headline: Doc | Callable[[], Doc | None] | None = None,
) -> tuple[Event, ...]:
    """The events a report describes, ACLED-coded, with evidence offsets into ``doc.text``;
    ``headline`` is the parsed title (or a function that parses it, called only if
    needed), read only for the place of an incident the body tells without one
    (``headline``)."""
    country = context_country(doc)
    drafts = [
        item
        for unit, para in units(doc)
        if (d := _draft(unit, para, attributions, published))
        for item in _items(d, published)
    ]
    # Document-level decisions (see ``assemble``): background out, dates carried
    # to follow-ups, release lines, then one event per incident.
    incidents = assemble(drafts, published, lazy_headline(headline))
    return tuple(to_event(group, country) for group in incidents)


def _draft(
    unit: Span, paragraph: int, attributions: tuple[Attribution, ...], published: date | None
) -> Draft | None:
    triggers = find_triggers(unit)
    if not triggers:
        return _toll_only(unit, paragraph, attributions)
    code, score = classify_string(_told_now(unit, triggers))
    if not is_acled(code) and score >= _OUT_OF_SCOPE_VETO:
        return None
    chosen = _choose(unit, triggers, published)
    if chosen is None:
        return None
    trigger, default, when, clause, anchored = chosen
    if when is not None and _TOLL_UPDATE.search(unit.text):
        # "The death toll from an ambush ... rose to 22 on Tuesday": Tuesday is the
        # day of the update. The incident's day is a possessive ("Friday night's
        # bombing") or comes from the report (report.context).
        when = _event_day(unit, published)
    aggregate = _is_aggregate(unit, clause, when)
    if not is_acled(code) or code == "OTHER" or score < MIN_CUE_SCORE or _not_protest(code, unit):
        code = default_code(default, unit.text)
    if default == "OTHER":
        code = default  # power seized (a coup), read from the parse (nominal.takes_power)
    if default == "ATTACK" and by_code(code).event_type == "Battles":
        # An execution or a beheading is one-sided, whoever the victims were: ACLED
        # codes the killing of captured or detained fighters as violence against them.
        code = default
    # A release line's place is its layout's, whether or not the parser tags it. The
    # line names no actor (the releasing force struck): "Near X" or the section heading
    # above ("Iraq") parsed as its subject is none.
    listed = line_place(unit)
    place = listed.text if listed is not None else location_text(unit, clause, paragraph)
    if place is None:
        place = named_later(unit)  # "in a village" ... "the village of Qazwadiri"
    actor1, actor2 = actors(trigger, clause)
    after_place = doc_text(unit.doc)[listed.end_char : unit.end_char] if listed is not None else ""
    if listed is not None and actor1 is not None and actor1 not in after_place:
        actor1 = None
    shooters = fought_back(clause)
    if shooters is not None and by_code(code).event_type in _FIGHT_TYPES:
        code, actor1 = "ARMED_CLASH", shooters
    deaths = casualties(unit.text)
    named = named_dead(trigger, unit.start_char) if deaths.killed is None else None
    if named is not None:
        deaths = Casualties(named, deaths.wounded, named.text)
        if default == "KILL" and code == "ARMED_CLASH" and not _BATTLE_WORD.search(unit.text):
            # A person killed by name is a victim, not a side of a fight, unless the
            # cues say the sentence tells a battle.
            code = "ATTACK"
    if default == "ABDUCT_DISSAP" and code == "ATTACK" and deaths.killed is None:
        # "farmers seized by gunmen": the gunmen make it violence, the seizing an abduction.
        code = default
    if actor2 is None and by_code(code).event_type in _HARM_TYPES:
        actor2 = victims(unit.text)  # "a drone strike on a market ... killed 7 civilians"
    sources, certainty = _certainty(unit, attributions)
    if deaths.killed is None and trigger.lemma_.lower() in _KILLING_NOUNS:
        deaths = _victims(unit.text, deaths)
    # Present tense outside the headline/lead is a generic statement, not news.
    # (present perfect too: "fighting has continued" has no day ACLED could code).
    generic = (clause.tag_ in ("VBP", "VBZ") and not past_form(clause)) or any(
        c.dep_ in ("auxpass", "aux") and c.tag_ in ("VBP", "VBZ") for c in clause.children
    )
    return Draft(
        code,
        unit,
        trigger,
        when,
        place,
        actor1,
        actor2,
        deaths,
        aggregate,
        sources,
        certainty,
        own_place=listed is not None or bool(place_ents(unit)),
        generic=generic and unit.start > 0,
        listed=listed is not None,
        bare=not anchored,
        points_back=points_back(unit, trigger, [t for t, _ in triggers]),
    )


def _toll_only(unit: Span, paragraph: int, attributions: tuple[Attribution, ...]) -> Draft | None:
    """A unit that only gives the toll of an incident told before it ("There were no
    casualties reported from either side", "Among the four killed were police officers",
    "Three children and their aunt died")."""
    deaths = casualties(unit.text)
    if deaths.killed is None:
        return None
    sources, certainty = _certainty(unit, attributions)
    own = bool(place_ents(unit))
    return Draft(
        default_code("KILL", unit.text),
        unit,
        unit.root,
        None,
        location_text(unit, None, paragraph) if own else None,
        None,
        None,
        deaths,
        False,
        sources,
        certainty,
        bare=True,
        own_place=own,
        points_back=points_back(unit, None, []),
        toll_only=True,
    )


def _items(draft: Draft, published: date | None) -> list[Draft]:
    """One draft per day of a list of dated items ("air strikes May 25, two June 23 and
    30"), each with its own date; a toll cannot be shared out over days, so a list
    with deaths stays one draft."""
    days = dated_items(draft.sentence, published) if draft.deaths.killed is None else []
    if len(days) < 2:
        return [draft]
    doc = draft.sentence.doc
    out = []
    for day in days:
        # Each day's evidence is its own item of the list, not the whole sentence.
        item = doc.char_span(day.start, day.end, alignment_mode="expand") or draft.sentence
        out.append(replace(draft, when=day.when, sentence=item, aggregate=False))
    return out


def _event_day(unit: Span, published: date | None) -> DateRange | None:
    """The date written as the event's own: "Friday night's suicide car bombing"."""
    match = _POSSESSIVE_DAY.search(unit.text)
    return resolve_date(match.group(1), published=published) if match else None


def _not_protest(code: str, unit: Span) -> bool:
    """A protest reading driven by "strike"/"mourning" in a report of killing is wrong."""
    return by_code(code).event_type in CROWD_ACTORS and not _PROTEST_WORD.search(unit.text)


def _victims(text: str, deaths: Casualties) -> Casualties:
    """'executions ... extended to about 120 of the group's own members': the victims' count."""
    for count in iter_counts(text):
        if _VICTIM_AFTER.match(text, count.end):
            return Casualties(count, deaths.wounded, count.text)
    return deaths


def _choose(
    unit: Span, triggers: list[tuple[Token, str]], published: date | None
) -> tuple[Token, str, DateRange | None, Token, bool] | None:
    """The trigger with the most specific evidence in its own clause, and whether it has
    any (a place, a date, a running total); without any, the unit is a bare reading
    that only a told incident can take (``Draft.bare``)."""
    best: tuple[tuple[int, int], tuple[Token, str, DateRange | None, Token, bool]] | None = None
    anaphor = bool(ANAPHOR.search(unit.text))
    # A release line is placed by its layout ("Near X, one strike destroyed ..."): its
    # first trigger after X, not one inside its list ("fighting positions"); the parse
    # may hang "Near X" anywhere, even on the line above.
    layout = line_place(unit)
    line_trigger = next((t for t, _ in triggers if layout is not None and t.i >= layout.end), None)
    for token, default in triggers:
        if len(triggers) > 1 and _back_reference(token):
            continue
        for clause in _clauses(token):
            when = event_date(unit, clause, published, clause_only=True)
            lo, hi = clause.left_edge.i, clause.right_edge.i + 1
            placed = (
                any(lo <= e.start and e.end <= hi for e in place_ents(unit))
                or anaphor
                or token is line_trigger
            )
            dated = when is not None and (when.date_text or "") != ""
            anchored = placed or dated or _is_aggregate(unit, clause, when)
            # Ties go to the narrower clause: "one that killed 12 ... Sunday" over
            # "attacks are on the rise".
            # An explicit agent ("an attack by Taliban militants") is the better reading.
            has_agent = actors(token, clause)[0] is not None
            score = (2 if dated else 0) + (1 if placed else 0) + (1 if has_agent else 0)
            rank = (4 if anchored else 0) + score, -(hi - lo)
            if best is None or rank > best[0]:
                best = (rank, (token, default, when, clause, anchored))
    return best[1] if best else None


def _clauses(token: Token) -> list[Token]:
    """The clauses whose words may date and place a trigger: the noun phrase of an
    incident told by a noun ("the death toll from Sunday's assault on a hotel in Mogadishu
    has risen": the assault's own day and place, not the update's; the narrower wins a
    tie), and the governing verb; a finite verb the small model misreads as an adjective
    ("the military seized control of the country": "seized" as amod of "control") is read
    with the phrase it heads, bodies with the verb that found them."""
    clause = clause_head(token)
    if token.lemma_.lower() == "body":
        clause = finding_verb(token) or clause
    if clause.dep_ in ("amod", "compound") and clause.tag_ == "VBD":
        clause = clause.head
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.pos_ == "VERB":
        # "A roadside bomb struck a patrol on Monday, killing two soldiers": the
        # participle's date, place and agent are those of the verb it hangs on.
        clause = clause.head
    if aspectual(clause):
        clause = clause.head  # "On Nov. 1, forces continued to attack ...": one clause
    return [token, clause] if anchored_incident(token) and token != clause else [clause]


def _told_now(unit: Span, triggers: list[tuple[Token, str]]) -> str:
    """The unit's text without the incident it refers back to, for typing."""
    text = unit.text
    if len(triggers) < 2:
        return text
    for token, _ in reversed(triggers):
        if _back_reference(token):
            lo = token.left_edge.idx - unit.start_char
            hi = token.idx + len(token) - unit.start_char
            text = text[:lo] + text[hi:]
    return text


def _back_reference(token: Token) -> bool:
    """'The abduction came a day after militants killed four farmers': "the abduction" is
    the incident already told; the sentence reports the killing."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "nsubj"
        and token.head.lemma_.lower() in _SEQUENCE_VERBS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    )


def _is_aggregate(unit: Span, clause: Token, when: DateRange | None) -> bool:
    """A running total: present perfect with a plural subject and no date of its own, or
    present perfect counting "since" a day ("has conducted six strikes since May 16")."""
    perfect = (
        any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
            for c in clause.children
        )
        and clause.tag_ == "VBN"
    )
    plural = any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in clause.children)
    span_text = unit.doc[clause.left_edge.i : clause.right_edge.i + 1].text
    if perfect and _SINCE.search(span_text):
        return True
    if when is not None and when.time_precision == 1:
        return False
    return perfect and plural and when is None


def _certainty(unit: Span, attributions: tuple[Attribution, ...]) -> tuple[tuple[str, ...], str]:
    covering = [
        a for a in attributions if a.claim_start < unit.end_char and unit.start_char < a.claim_end
    ]
    sources = tuple(dict.fromkeys(a.source for a in covering))
    hedges = {(a.hedge or "").lower() for a in covering} | {(a.cue or "").lower() for a in covering}
    if hedges & _HEDGES_UNCONFIRMED or _TEXT_UNCONFIRMED.search(unit.text):
        return sources, "unconfirmed"
    # A claim of responsibility by an armed group is the perpetrator's word, not a report.
    claimants = [a for a in covering if (a.cue or "").lower() in ("claimed", "claim", "claims")]
    by_armed = any(normalize_actor(a.source).inter in ARMED_INTER for a in claimants)
    if by_armed or "claimed" in hedges or (covering and _TEXT_CLAIMED.search(unit.text)):
        return sources, "claimed"
    return sources, "reported"
