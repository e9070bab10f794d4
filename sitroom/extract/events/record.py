"""One ``Event`` record from a group of drafts of the same incident.

The group's sources, evidence and actors are joined; each argument comes from the
sentence that states it: the place and the date from the first sentence that
names one, the deaths from ``assemble.figures`` (``fatality_text`` keeps every toll).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from sitroom.extract.events.assemble import further, group_fatalities, incident_when
from sitroom.extract.events.draft import Draft
from sitroom.extract.events.taxonomy import by_code
from sitroom.nlp.text import doc_ents, doc_text
from sitroom.notes import note_of
from sitroom.records import Event, Evidence
from sitroom.resolve.actors import CIVILIANS, STATE, is_country_name, normalize_actor


def _place(group: list[Draft]) -> str | None:
    """The incident's place: the first a sentence of it names itself (a town or a province
    before a country: "strikes in Yemen" + "took place in Shabwah"), else its lead's."""
    own = [d.place for d in group if d.own_place and d.place and not d.toll_only]
    finer = next((p for p in own if not is_country_name(p)), None)
    return finer or (own[0] if own else next((d.place for d in group if d.place), None))


def to_event(group: list[Draft], country: str | None) -> Event:
    first = group[0]
    sub = by_code(_weapon_code(group))
    # Actors come from the sentences that tell the act, the lead first; one that adds
    # victims ("1 soldier was also killed by a sniper", "another five were killed")
    # names the agent of its own deaths, not the incident's.
    told = [d for d in group if not d.toll_only and not further(d)] or group
    a1_text = next((d.actor1_text for d in told if d.actor1_text), None)
    a2_text = next((d.actor2_text for d in told if d.actor2_text), None)
    actor1 = normalize_actor(a1_text, country=country) if a1_text else None
    # A named party, union or armed group keeps its name; civilians by trade or place
    # ("residents", "farmers") are demonstrators, which ACLED names by role and country.
    crowd_named = (
        actor1 is not None and actor1.alias is not None and actor1.inter not in (STATE, CIVILIANS)
    )
    actor2 = normalize_actor(a2_text, country=country) if a2_text else None
    if sub.event_type in CROWD_ACTORS:
        label = normalize_actor(CROWD_ACTORS[sub.event_type].lower(), country=country)
        if actor1 is not None and actor1.inter in ARMED_INTER and sub.code in _INTERVENED:
            # "Taliban fighters beat women to break up a protest": the force that
            # intervened is actor2; the demonstrators are actor1.
            actor2, a2_text, actor1 = actor1, a1_text, label
        elif not crowd_named:
            # "relatives of Ukrainian soldiers rallied": the soldiers are not the protesters.
            # ACLED names demonstrators by role and country, whatever the report calls them.
            actor1 = label
    fatalities, fatality_text = group_fatalities(group)
    wounded = max((d.deaths.wounded for d in group if d.deaths.wounded), default=None)
    when = incident_when(group)
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
        location_text=_place(group),
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
    lead = _typed_by(group)
    code = lead.code
    if code != "AIR_STRIKE" or lead.trigger.lemma_.lower() != "strike":
        return code
    report = doc_text(lead.sentence.doc)
    if _GROUND_FIRE.search(report) and not _AIR_WORDS.search(report):
        return "ART_MISS_ATTACK"
    return code


def _typed_by(group: list[Draft]) -> Draft:
    """The sentence that types the incident: the lead, unless it names the act only by a
    generic word ("The attack ... was described Tuesday as targeting extremists in Idlib",
    "militants attacked three villages") and a later sentence of it names how ("a navy
    frigate launched cruise missiles", "killed hundreds of people ... burned down homes")."""
    told = [d for d in group if not d.toll_only]
    lead = told[0] if told else group[0]
    if lead.trigger.lemma_.lower() not in _GENERIC_ACTS or lead.code not in _SIDES_ONLY:
        return lead  # the lead names how, by its own word or the headline's
    return next(
        (
            d
            for d in told
            if d.trigger.lemma_.lower() not in _GENERIC_ACTS
            and d.code != lead.code
            and _names_its_act(d)
        ),
        lead,
    )


def _names_its_act(draft: Draft) -> bool:
    """Whether the draft's trigger tells the sentence's own act, not the one it follows:
    "Minutes after the explosions, gunmen opened fire on the convoy" is no blast."""
    trigger = draft.trigger
    return not (trigger.dep_ == "pobj" and trigger.head.lower_ in _SEQUENCE_PREPOSITIONS)


# What a generic word of violence is coded as when nothing names how: by its sides.
_SIDES_ONLY = frozenset({"ATTACK", "ARMED_CLASH", "KILL"})
_SEQUENCE_PREPOSITIONS = frozenset({"after", "before", "since", "following"})


# Words that name a violent act without saying how it was done.
_GENERIC_ACTS = frozenset({"attack", "assault"})


def context_country(doc: Doc) -> str | None:
    """The country a report is mostly about: the most named country among its places.

    Adjectives ("Malian soldiers") count only when no country is named as a place:
    "Russian artillery" in a Ukrainian report names the attacker, not the place.
    """
    counts: dict[str, dict[str, int]] = {"GPE": {}, "NORP": {}}
    for ent in doc_ents(doc):
        if ent.label_ in counts:
            actor = normalize_actor(f"{ent.text} forces")
            if actor.name.startswith("Military Forces of ") and "unknown" not in actor.name:
                name = actor.name.removeprefix("Military Forces of ")
                counts[ent.label_][name] = counts[ent.label_].get(name, 0) + 1
    best = counts["GPE"] or counts["NORP"]
    return max(best, key=lambda k: best[k]) if best else None


_GROUND_FIRE = re.compile(
    r"\b(?:shells?|shelling|artillery|rockets?|missiles?|mortars?|howitzers?|grad)\b", re.I
)


_AIR_WORDS = re.compile(
    r"\b(?:air|airstrikes?|aircraft|warplanes?|jets?|planes?|drones?|helicopters?|aerial"
    r"|bombers?|uavs?|shaheds?)\b",
    re.I,
)


# Protest sub-events where a force acts on the crowd (ACLED: the force is actor2).
_INTERVENED = frozenset({"PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"})


# ACLED inter codes of armed actors (state, rebels, militias, external forces).
ARMED_INTER = frozenset({1, 2, 3, 4, 8})


# ACLED's actor for a protest or riot whose participants belong to no named group.
CROWD_ACTORS = {"Protests": "Protesters", "Riots": "Rioters"}
