"""Event extraction: ACLED-style events from a parsed report.

For each sentence (split at paragraph breaks): find factual triggers over the
parse (``event_triggers``), type the sentence with the weighted cues
(``event_classify``; the trigger's default type when cues are weak), read the
place (``event_places``), the date (``event_when``), the actors (``event_args``),
the casualties (``numbers``) and the certainty from the attributions covering
the sentence. Then the report-level rules of
``event_context``: drop background, carry the incident's date to undated
follow-ups (``date_text`` says where it came from), and merge drafts into ACLED
units: one event per incident (location × date × sub-event type), with every
source and every conflicting toll kept in ``fatality_text``. Actors are only
people and groups (``event_actors``); an attack on a thing names its victims.

Precision rules: a sentence yields at most one event; a trigger needs a date or
a place in its own clause (or "the town" pointing back to one); present-perfect
totals without a date of their own ("airstrikes have killed 8,500 fighters")
are kept as ``aggregate=True``, never as single-day events.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitroom.extract.casualties import Casualties, casualties
from sitroom.extract.event_actors import victims
from sitroom.extract.event_args import actors, fought_back
from sitroom.extract.event_classify import CIVILIAN_VICTIM, classify_string
from sitroom.extract.event_context import Draft, drop_background, inherit_dates, same_incident
from sitroom.extract.event_notes import note_of
from sitroom.extract.event_places import ANAPHOR, location_text, place_ents
from sitroom.extract.event_releases import fold_release, is_release_line
from sitroom.extract.event_triggers import aspectual, clause_head, find_triggers, trigger_code
from sitroom.extract.event_when import event_date
from sitroom.extract.numbers import iter_counts
from sitroom.extract.taxonomy import by_code, is_acled
from sitroom.nlp.text import doc_text
from sitroom.records import Attribution, Event, Evidence, Fatalities
from sitroom.resolve.actors import CIVILIANS, STATE, normalize_actor
from sitroom.resolve.dates import DateRange, resolve_date

# A cue score below this leaves the typing to the trigger (tuned on CASE dev
# rows: 2.0 = one strong cue; single weak context words must not decide).
_MIN_CUE_SCORE = 2.0
# A non-ACLED reading ("earthquake", "plane crash") this strong vetoes the sentence.
_OUT_OF_SCOPE_VETO = 3.0
_HEDGES_UNCONFIRMED = {"unconfirmed", "disputed", "alleged", "unverified", "denied", "rumor"}
_TEXT_UNCONFIRMED = re.compile(
    r"\b(?:can(?:no|')t be (?:independently )?(?:confirmed|verified)|"
    r"could not be (?:independently )?(?:confirmed|verified)|unconfirmed|unverified)\b",
    re.IGNORECASE,
)
# ACLED inter codes of armed actors (state, rebels, militias, external forces).
_ARMED_INTER = frozenset({1, 2, 3, 4, 8})
# "X came a day after Y": verbs that place a known incident against a new one.
_SEQUENCE_VERBS = frozenset({"come", "follow", "happen", "occur"})
_FURTHER = r"(?:another|a further|an additional|further)"
_BULLETS = frozenset("*-•–—")
# A line shorter than this is a heading or a label ("Iraq", "FOR IMMEDIATE RELEASE");
# hard-wrapped prose runs 60-80 characters a line.
_MAX_HEADING_CHARS = 40
_GROUND_FIRE = re.compile(
    r"\b(?:shells?|shelling|artillery|rockets?|missiles?|mortars?|howitzers?|grad)\b", re.I
)
_AIR_WORDS = re.compile(
    r"\b(?:air|airstrikes?|aircraft|warplanes?|jets?|planes?|drones?|helicopters?|aerial"
    r"|bombers?|uavs?|shaheds?)\b",
    re.I,
)
_RESPONSE = frozenset({"drawing", "prompting", "provoking"})
_CONTRAST = frozenset({"while", "whereas"})
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
_ARMED = re.compile(
    r"\b(?:soldiers?|troops|police\w*|officers|militants|insurgents|rebels|fighters|"
    r"members|forces|army|gunmen|patrols?|checkpoints?)\b",
    re.IGNORECASE,
)

# ACLED's actor for a protest or riot whose participants belong to no named group.
_CROWD_ACTORS = {"Protests": "Protesters", "Riots": "Rioters"}
# Protest sub-events where a force acts on the crowd (ACLED: the force is actor2).
_INTERVENED = frozenset({"PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"})
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
# Nouns of killing whose count of people is the death toll even without "killed".
_KILLING_NOUNS = {"execution", "execute", "massacre", "killing", "behead"}
_VICTIM_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:the\s+)?(?:[\w'’]+\s+){0,3}?(?:members|people|men|civilians|fighters|prisoners|"
    r"soldiers|villagers|women|children|persons|captives|hostages)\b",
    re.IGNORECASE,
)


def extract_events(
    doc: Doc, attributions: tuple[Attribution, ...], *, published: date | None
) -> tuple[Event, ...]:
    """The events a report describes, ACLED-coded, with evidence offsets into ``doc.text``."""
    country = _context_country(doc)
    drafts = [d for unit, para in _units(doc) if (d := _draft(unit, para, attributions, published))]
    # Report-level rules (see ``event_context``): background out, dates carried
    # to follow-ups, then one event per incident.
    drafts = fold_release(inherit_dates(drop_background(drafts, published), published))
    return tuple(_to_event(group, country) for group in _merge(drafts))


def _units(doc: Doc) -> list[tuple[Span, int]]:
    """Sentences split at blank lines and contrasting clauses, each with its paragraph start."""
    text = doc_text(doc)
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    line_ends = _line_ends(text)
    units: list[tuple[Span, int]] = []
    for sent in doc.sents:
        cuts = [
            sent.start_char,
            *(b for b in breaks + line_ends if sent.start_char < b < sent.end_char),
            *_contrast_cuts(sent),
            sent.end_char,
        ]
        cuts.sort()
        for lo, hi in pairwise(cuts):
            span = doc.char_span(lo, hi, alignment_mode="contract")
            if span is None or not span.text.strip():
                continue
            para = max([0, *(b for b in breaks if b <= span.start_char)])
            units.append((span, para))
    return units


def _line_ends(text: str) -> list[int]:
    """Single line breaks that end a line of its own: a heading, a list item, a sentence.

    Releases and scraped pages put one item per line ("Syria", "*  Near Al Hawl, ...")
    and the parser runs them together; a hard-wrapped paragraph breaks mid-sentence,
    where none of these hold, and stays whole.
    """
    ends = []
    for match in re.finditer(r"(?<!\n)\n(?!\s*\n)", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()].rstrip()
        after = text[match.end() : match.end() + 4].lstrip(" \t")
        if (
            line.endswith((".", ":", "!", "?", '"', "”"))
            or after[:1] in _BULLETS
            or 0 < len(line) < _MAX_HEADING_CHARS
        ):
            ends.append(match.end())
    return ends


def _contrast_cuts(sent: Span) -> list[int]:
    """Where ", while …" starts a second report in one sentence.

    "Women seized at the weekend remain captive, relatives said, while the army
    said troops freed seven after a gun battle" reports two incidents; read as
    one, the gun battle's cues would type the abduction.
    """
    return [
        t.idx
        for t in sent
        if t.i > sent.start
        and t.nbor(-1).text == ","
        and (
            (t.lower_ in _CONTRAST and t.dep_ == "mark" and t.head.dep_ == "advcl") or _response(t)
        )
    ]


def _response(token: Token) -> bool:
    """'militants fired a rocket, drawing Israeli airstrikes': the reply is its own event."""
    return (
        token.lower_ in _RESPONSE
        and token.dep_ == "advcl"
        and any(
            c.dep_ == "dobj"
            and trigger_code(c) is not None
            # Another side named on the reply ("Israeli airstrikes"); "triggering a
            # gunfight" is the same incident going on.
            and any(m.ent_type_ in ("NORP", "ORG") for m in c.children)
            for c in token.children
        )
    )


def _draft(
    unit: Span, paragraph: int, attributions: tuple[Attribution, ...], published: date | None
) -> Draft | None:
    triggers = find_triggers(unit)
    if not triggers:
        return None
    code, score = classify_string(_told_now(unit, triggers))
    if not is_acled(code) and score >= _OUT_OF_SCOPE_VETO:
        return None
    chosen = _choose(unit, triggers, published)
    if chosen is None:
        return None
    trigger, default, when, clause = chosen
    if when is not None and _TOLL_UPDATE.search(unit.text):
        # "The death toll from an ambush ... rose to 22 on Tuesday": Tuesday is the
        # day of the update. The incident's day is a possessive ("Friday night's
        # bombing") or comes from the report (event_context).
        when = _event_day(unit, published)
    aggregate = _is_aggregate(unit, clause, when)
    if not is_acled(code) or code == "OTHER" or score < _MIN_CUE_SCORE or _not_protest(code, unit):
        code = _default_code(default, unit.text)
    place = location_text(unit, clause, paragraph)
    actor1, actor2 = actors(trigger, clause)
    shooters = fought_back(clause)
    if shooters is not None and by_code(code).event_type in _FIGHT_TYPES:
        code, actor1 = "ARMED_CLASH", shooters
    deaths = casualties(unit.text)
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
    generic = clause.tag_ in ("VBP", "VBZ") or any(
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
        own_place=bool(place_ents(unit)),
        generic=generic and unit.start > 0,
    )


def _event_day(unit: Span, published: date | None) -> DateRange | None:
    """The date written as the event's own: "Friday night's suicide car bombing"."""
    match = _POSSESSIVE_DAY.search(unit.text)
    return resolve_date(match.group(1), published=published) if match else None


def _not_protest(code: str, unit: Span) -> bool:
    """A protest reading driven by "strike"/"mourning" in a report of killing is wrong."""
    return by_code(code).event_type in _CROWD_ACTORS and not _PROTEST_WORD.search(unit.text)


def _victims(text: str, deaths: Casualties) -> Casualties:
    """'executions ... extended to about 120 of the group's own members': the victims' count."""
    for count in iter_counts(text):
        if _VICTIM_AFTER.match(text, count.end):
            return Casualties(count, deaths.wounded, count.text)
    return deaths


def _choose(
    unit: Span, triggers: list[tuple[Token, str]], published: date | None
) -> tuple[Token, str, DateRange | None, Token] | None:
    """The trigger with the most specific evidence in its own clause; None if none has any."""
    best: tuple[tuple[int, int], tuple[Token, str, DateRange | None, Token]] | None = None
    anaphor = bool(ANAPHOR.search(unit.text))
    for token, default in triggers:
        if len(triggers) > 1 and _back_reference(token):
            continue
        clause = clause_head(token)
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.pos_ == "VERB":
            # "A roadside bomb struck a patrol on Monday, killing two soldiers": the
            # participle's date, place and agent are those of the verb it hangs on.
            clause = clause.head
        if aspectual(clause):
            clause = clause.head  # "On Nov. 1, forces continued to attack ...": one clause
        when = event_date(unit, clause, published, clause_only=True)
        lo, hi = clause.left_edge.i, clause.right_edge.i + 1
        placed = any(lo <= e.start and e.end <= hi for e in place_ents(unit)) or anaphor
        dated = when is not None and (when.date_text or "") != ""
        if not (placed or dated or _is_aggregate(unit, clause, when)):
            continue
        # Ties go to the narrower clause: "one that killed 12 ... Sunday" over
        # "attacks are on the rise".
        # An explicit agent ("an attack by Taliban militants") is the better reading of who did it.
        has_agent = actors(token, clause)[0] is not None
        rank = (2 if dated else 0) + (1 if placed else 0) + (1 if has_agent else 0), -(hi - lo)
        if best is None or rank > best[0]:
            best = (rank, (token, default, when, clause))
    return best[1] if best else None


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


def _default_code(default: str, text: str) -> str:
    if default != "KILL":
        return default
    civilians = len(CIVILIAN_VICTIM.findall(text.lower()))
    return "ARMED_CLASH" if len(_ARMED.findall(text)) > civilians else "ATTACK"


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
    by_armed = any(normalize_actor(a.source).inter in _ARMED_INTER for a in claimants)
    if by_armed or "claimed" in hedges or (covering and _TEXT_CLAIMED.search(unit.text)):
        return sources, "claimed"
    return sources, "reported"


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


def _fatalities(group: list[Draft]) -> tuple[Fatalities, str | None]:
    """Deaths of a merged event: release-style lists add up, repeated reports keep the range."""
    counted = [d for d in group if d.deaths.killed is not None]
    if not counted:
        return Fatalities(), None
    kills = [d.deaths.killed for d in counted if d.deaths.killed is not None]
    listing = len(counted) > 1 and all(is_release_line(d.sentence) for d in counted)
    further = [d for d in counted[1:] if _further(d)]
    if further and len(further) == len(counted) - 1:
        # "killed 18 people in Donetsk, while another five were killed in a suburb":
        # the later figures add to the first.
        extra = sum((d.deaths.killed.low or 0) for d in further if d.deaths.killed is not None)
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


def _further(draft: Draft) -> bool:
    """Whether the draft's toll is "another five", "a further 12": more dead, not a rival count."""
    killed = draft.deaths.killed
    if killed is None:
        return False
    return bool(re.search(rf"\b{_FURTHER}\s+{re.escape(killed.text)}", draft.sentence.text, re.I))


def _to_event(group: list[Draft], country: str | None) -> Event:
    first = group[0]
    sub = by_code(_weapon_code(group))
    a1_text = next((d.actor1_text for d in group if d.actor1_text), None)
    a2_text = next((d.actor2_text for d in group if d.actor2_text), None)
    actor1 = normalize_actor(a1_text, country=country) if a1_text else None
    # A named party, union or armed group keeps its name; civilians by trade or place
    # ("residents", "farmers") are demonstrators, which ACLED names by role and country.
    crowd_named = (
        actor1 is not None and actor1.alias is not None and actor1.inter not in (STATE, CIVILIANS)
    )
    actor2 = normalize_actor(a2_text, country=country) if a2_text else None
    if sub.event_type in _CROWD_ACTORS:
        label = normalize_actor(_CROWD_ACTORS[sub.event_type].lower(), country=country)
        if actor1 is not None and actor1.inter in _ARMED_INTER and sub.code in _INTERVENED:
            # "Taliban fighters beat women to break up a protest": the force that
            # intervened is actor2; the demonstrators are actor1.
            actor2, a2_text, actor1 = actor1, a1_text, label
        elif not crowd_named:
            # "relatives of Ukrainian soldiers rallied": the soldiers are not the protesters.
            # ACLED names demonstrators by role and country, whatever the report calls them.
            actor1 = label
    fatalities, fatality_text = _fatalities(group)
    wounded = max((d.deaths.wounded for d in group if d.deaths.wounded), default=None)
    when = first.when
    start = when.date_start if when else None
    end = when.date_end if when else None
    precision = when.time_precision if when else None
    # A merged event is as certain as its best-supported report.
    certainties = {d.certainty for d in group}
    certainty = next(c for c in ("reported", "claimed", "unconfirmed") if c in certainties)
    event = Event(
        event_type=sub.event_type,
        sub_event_type=sub.name,
        actor1=actor1.name if actor1 else None,
        actor2=actor2.name if actor2 else None,
        date_start=start.isoformat() if start else None,
        date_end=end.isoformat() if end else None,
        time_precision=precision,
        date_text=when.date_text if when else None,
        fatalities=fatalities,
        sources=tuple(dict.fromkeys(s for d in group for s in d.sources)),
        certainty=certainty,
        evidence=tuple(Evidence(d.sentence.start_char, d.sentence.end_char) for d in group),
        aggregate=first.aggregate,
        location_text=first.place,
        actor1_text=a1_text,
        actor2_text=a2_text,
        inter1=actor1.inter if actor1 else None,
        inter2=actor2.inter if actor2 else None,
        wounded=wounded,
        fatality_text=fatality_text,
    )
    return replace(event, notes=note_of(event))


def _weapon_code(group: list[Draft]) -> str:
    """A bare "strike" is an air strike only if nothing says otherwise: "Tuesday's strike on
    the market" in a report that names shells and rockets and never an aircraft or a
    drone is shelling."""
    code = group[0].code
    if code != "AIR_STRIKE" or group[0].trigger.lemma_.lower() != "strike":
        return code
    report = doc_text(group[0].sentence.doc)
    if _GROUND_FIRE.search(report) and not _AIR_WORDS.search(report):
        return "ART_MISS_ATTACK"
    return code


def _context_country(doc: Doc) -> str | None:
    """The country a report is mostly about: the most named country among its places.

    Adjectives ("Malian soldiers") count only when no country is named as a place:
    "Russian artillery" in a Ukrainian report names the attacker, not the place.
    """
    counts: dict[str, dict[str, int]] = {"GPE": {}, "NORP": {}}
    for ent in doc.ents:
        if ent.label_ in counts:
            actor = normalize_actor(f"{ent.text} forces")
            if actor.name.startswith("Military Forces of ") and "unknown" not in actor.name:
                name = actor.name.removeprefix("Military Forces of ")
                counts[ent.label_][name] = counts[ent.label_].get(name, 0) + 1
    best = counts["GPE"] or counts["NORP"]
    return max(best, key=lambda k: best[k]) if best else None
