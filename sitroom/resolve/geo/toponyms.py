"""Find place mentions in a spaCy ``Doc``, with the cues around each.

Mentions come from spaCy's GPE/LOC/FAC entities (and NORP/GPE demonyms, which
give context), plus a gazetteer scan over proper-noun runs that no entity
covers, for places the small NER model misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from sitroom.nlp.text import doc_ents, doc_text
from sitroom.resolve.geo.aliases import US_STATE_ABBREVIATIONS
from sitroom.resolve.geo.cues import (
    CITY_WORDS,
    REGION_WORDS,
    demonym_country,
    feature_kind,
    of_phrase,
)
from sitroom.resolve.geo.gazetteer import Gazetteer
from sitroom.resolve.geo.normalize import fold
from sitroom.resolve.geo.spotting import (
    PLACE_LABELS,
    STATE_AFTER,
    feature_named,
    in_region,
    joined,
    listed_after,
    place_by_cue,
    scan_accepts,
)

# Longest proper-noun run tried as one name by the gazetteer scan ("Rio de
# Janeiro" is 3 tokens; longer runs are organisation names).
MAX_SCAN_TOKENS = 4
_NEAR = re.compile(
    r"\b(?i:near|outside|around|outskirts\s+of|vicinity\s+of|close\s+to|countryside\s+of|"
    r"district\s+of|suburbs?\s+of|environs\s+of|villages?\s+(?:around|near|outside)|"
    r"(?:\d+|a\s+few|several)\s+(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+){0,2}of)\s+"
    r"(?:(?i:the)\s+)?(?:(?:[A-Za-z\-]+)\s+){0,3}$"
)
_COMMA_CONTAINER = re.compile(r"^,\s+([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")
_IN_CONTAINER = re.compile(
    r"^\s+in\s+(?:northern\s+|southern\s+|eastern\s+|western\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
)


_NEVER_PLACES = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"])
_HYPHEN_TAIL = re.compile(r"(?:-[a-z]{1,3})?-[A-Z][a-z]+")
_REGION_AFTER = re.compile(r"^\s+(?i:province|governorate|region|oblast|prefecture)\b")
_PLURAL_AFTER = re.compile(
    r"^\s+(?:provinces|governorates|districts|counties|regions|states|oblasts|parishes|"
    r"towns|cities|villages)\b"
)
_NATURAL_AFTER = re.compile(r"^\s+(?i:river|lake|sea|mountains?)\b")


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int
    source: str  # ner | gazetteer | demonym | given
    sent_start: int
    sent_end: int
    kind_hint: str | None = None  # "city" | "region"
    qualifier: str | None = None  # the place or demonym naming where it lies
    container: str | None = None  # "Alexandria, La." → "La."; "Kobane in Syria" → "Syria"
    container_us_state: str | None = None
    near: bool = False
    demonym_cc: str | None = None
    modifier: bool = False  # names another place's container ("the Raqqa town of")


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, scan: bool = True) -> tuple[Mention, ...]:
    """All place and demonym mentions of ``doc``, in text order."""
    text = doc_text(doc)
    mentions: list[Mention] = []
    covered: set[int] = set()
    named: set[str] = set()  # what the model tags as a place somewhere in the text
    others: list[tuple[Span, int, int, str]] = []
    for ent in joined(gazetteer, doc_ents(doc), text):
        covered.update(range(ent.start, ent.end))
        start, end = ent.start_char, ent.end_char
        surface = ent.text
        if surface.lower().startswith("the "):
            start, surface = start + 4, surface[4:]
        if surface.endswith("’s") or surface.endswith("'s"):
            end, surface = end - 2, surface[:-2]
        cc = demonym_country(surface)
        if cc is not None and ent.label_ in PLACE_LABELS | {"NORP"}:
            mentions.append(
                Mention(
                    surface,
                    start,
                    end,
                    "demonym",
                    ent.sent.start_char,
                    ent.sent.end_char,
                    demonym_cc=cc,
                )
            )
        elif (
            ent.label_ in PLACE_LABELS
            or place_by_cue(gazetteer, text, start, end)
            or listed_after(
                gazetteer,
                text,
                mentions[-1].end if mentions and mentions[-1].demonym_cc is None else None,
                start,
                end,
            )
        ):
            # "Mazar-i-Sharif": the small model stops at the first hyphen.
            tail = _HYPHEN_TAIL.match(text, end)
            if tail:
                end, surface = tail.end(), text[start : tail.end()]
            mentions.append(
                Mention(surface, start, end, "ner", ent.sent.start_char, ent.sent.end_char)
            )
            if ent.label_ in PLACE_LABELS:
                named.add(surface)
        elif ent.label_ not in _NEVER_PLACES and (ent.label_ != "PERSON" or len(ent) == 1):
            # A full name ("Michael Brown") is a person whatever else is so called.
            others.append((ent, start, end, surface))
    # "Ferguson, a community ..." tagged ORG where the report tags Ferguson a
    # place elsewhere: one name, one sense in a report.
    mentions.extend(
        Mention(surface, start, end, "ner", ent.sent.start_char, ent.sent.end_char)
        for ent, start, end, surface in others
        if surface in named
    )
    if scan:
        found = _scan(doc, text, gazetteer, covered, named=named)
        mentions.extend(found)
        # "two towns of Adamawa state -- Madagali and wa Kubla": a sentence that
        # names a province vouches for small towns of that province it names.
        regions = _named_regions(gazetteer, text, mentions)
        if regions:
            for m in found:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    covered.update(range(span.start, span.end))
            # By token start (asking Span.sent per token is slow).
            by_pos = {
                t.idx: regions[sent.start_char]
                for sent in doc.sents
                if sent.start_char in regions
                for t in sent
            }
            mentions.extend(_scan(doc, text, gazetteer, covered, by_pos))
            mentions.extend(_entity_parts_in_region(doc, text, gazetteer, mentions, by_pos))
    mentions.sort(key=lambda m: m.start)
    return tuple(with_cues(text, mentions))


_LIST_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _entity_parts_in_region(
    doc: Doc,
    text: str,
    gazetteer: Gazetteer,
    mentions: Sequence[Mention],
    regions: dict[int, set[tuple[str, str | None]]],
) -> list[Mention]:
    """ "Madagali and Mubi" tagged as one ORG: each listed name that is a town
    of the province the sentence names."""
    out: list[Mention] = []
    for ent in doc_ents(doc):
        wanted = regions.get(ent.start_char)
        if not wanted or ent.label_ in PLACE_LABELS:
            continue
        if any(m.start < ent.end_char and ent.start_char < m.end for m in mentions):
            continue
        pos = ent.start_char
        for part in _LIST_SEP.split(ent.text):
            start = text.index(part, pos) if part else pos
            pos = start + len(part)
            if part and in_region(gazetteer, part, wanted):
                sent = ent.sent
                out.append(Mention(part, start, pos, "gazetteer", sent.start_char, sent.end_char))
    return out


def _named_regions(
    gazetteer: Gazetteer, text: str, mentions: Iterable[Mention]
) -> dict[int, set[tuple[str, str | None]]]:
    """Per sentence start: the (country, admin1) of provinces it names as such ("X state")."""
    out: dict[int, set[tuple[str, str | None]]] = {}
    for m in mentions:
        after = text[m.end : m.end + 20]
        if not (STATE_AFTER.match(after) or _REGION_AFTER.match(after)):
            continue
        for c in gazetteer.lookup(m.text):
            if c.main and c.place.kind == "admin1":
                out.setdefault(m.sent_start, set()).add((c.place.cc, c.place.admin1))
    return out


def mentions_from_spans(doc: Doc, spans: Iterable[tuple[int, int]]) -> tuple[Mention, ...]:
    """Mentions at given character spans (gold toponyms in evaluation, a location_text hit)."""
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        sent_start = sent.start_char if sent is not None else 0
        sent_end = sent.end_char if sent is not None else len(doc_text(doc))
        surface = doc_text(doc)[start:end]
        out.append(
            Mention(
                surface,
                start,
                end,
                "given",
                sent_start,
                sent_end,
                demonym_cc=demonym_country(surface),
            )
        )
    return tuple(with_cues(doc_text(doc), sorted(out, key=lambda m: m.start)))


def _scan(
    doc: Doc,
    text: str,
    gazetteer: Gazetteer,
    covered: set[int],
    regions: dict[int, set[tuple[str, str | None]]] | None = None,
    *,
    named: frozenset[str] | set[str] = frozenset(),
) -> list[Mention]:
    """Proper-noun runs no entity covers that the gazetteer accepts; with
    ``regions`` (token start → provinces its sentence names), only towns of
    any size in those provinces."""
    found: list[Mention] = []
    i = 0
    tokens = list(doc)
    while i < len(tokens):
        tok = tokens[i]
        if i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        run_end = i
        while (
            run_end + 1 < len(tokens)
            and run_end + 1 - i < MAX_SCAN_TOKENS
            and run_end + 1 not in covered
            and tokens[run_end + 1].pos_ == "PROPN"
        ):
            run_end += 1
        hit = None
        for stop in range(run_end, i - 1, -1):
            span = doc[i : stop + 1]
            if regions is not None:
                ok = in_region(gazetteer, span.text, regions.get(span.start_char, set()))
            else:
                ok = (
                    span.text in named
                    or scan_accepts(gazetteer, span.text)
                    or feature_named(gazetteer, text, span.start_char, span.end_char)
                )
            if ok:
                hit = span
                break
        if hit is None:
            i += 1
            continue
        found.append(
            Mention(
                hit.text,
                hit.start_char,
                hit.end_char,
                "gazetteer",
                hit.sent.start_char,
                hit.sent.end_char,
            )
        )
        i = hit.end
    return found


def with_cues(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if m.demonym_cc is not None:
            out.append(m)
            continue
        before = text[m.sent_start : m.start]
        after = text[m.end : min(m.sent_end, m.end + 40)]
        kind, qualifier = of_phrase(before)
        next_word = after.split(maxsplit=1)[0].strip(",.;:") if after.strip() else ""
        if kind is None and next_word and after[:1] == " ":
            kind = feature_kind(next_word)
        container, us_state = None, None
        comma = _COMMA_CONTAINER.match(after)
        if comma:
            word = comma.group(1)
            if word.replace(" ", "") in US_STATE_ABBREVIATIONS:
                us_state = US_STATE_ABBREVIATIONS[word.replace(" ", "")]
            elif fold(word) and word.split()[0].lower() not in REGION_WORDS | CITY_WORDS:
                container = word
        inside = _IN_CONTAINER.match(after)
        if container is None and us_state is None and inside:
            container = inside.group(1)
        out.append(
            replace(
                m,
                kind_hint=kind,
                qualifier=qualifier,
                container=container,
                container_us_state=us_state,
                near=bool(_NEAR.search(before[-60:])),
            )
        )
    # "the provinces of Homs and Damascus": the second inherits the first's cues.
    for idx in range(1, len(out)):
        prev, m = out[idx - 1], out[idx]
        gap = text[prev.end : m.start]
        if (
            prev.kind_hint
            and m.kind_hint is None
            and m.demonym_cc is None
            and gap in (" and ", ", ", ", and ")
        ):
            out[idx] = replace(m, kind_hint=prev.kind_hint, qualifier=prev.qualifier)
    # "in Idlib and Homs provinces": a plural feature word after the last covers the first.
    for idx in range(len(out) - 2, -1, -1):
        m, nxt = out[idx], out[idx + 1]
        gap = text[m.end : nxt.start]
        plural = _PLURAL_AFTER.match(text[nxt.end : nxt.end + 20])
        if (
            plural
            and m.kind_hint is None
            and nxt.kind_hint is not None
            and m.demonym_cc is None
            and gap in (" and ", ", ", ", and ")
        ):
            out[idx] = replace(m, kind_hint=nxt.kind_hint)
    # "the Raqqa town of Tabqa": Raqqa qualifies Tabqa; it is not a location of its own.
    for idx, m in enumerate(out):
        if m.qualifier and idx > 0:
            prev = out[idx - 1]
            close = 0 <= m.start - prev.end < 60
            if close and (prev.text == m.qualifier or m.qualifier.endswith(prev.text)):
                out[idx - 1] = replace(prev, modifier=True)
        # "-based" names where someone is; "the Dnipro river" a feature, not a town.
        if text[m.end : m.end + 6] in ("-based", "–based") or _NATURAL_AFTER.match(
            text[m.end : m.end + 12]
        ):
            out[idx] = replace(out[idx], modifier=True)
    return out
