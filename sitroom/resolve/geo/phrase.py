"""Geocode a short location phrase ("in the al-Rami village", "Khalsa city
(area of) in the southern countryside of Aleppo") within a known country.

Used for coded datasets (UCDP's where_description) and for an event's
``location_text`` that no mention in the text covers. Because the country is
known, every word n-gram may be looked up (exact keys only), constrained to
that country: the constraint is what makes this safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from sitroom.nlp.text import doc_text
from sitroom.resolve.geo.disambiguate import candidates, resolve
from sitroom.resolve.geo.gazetteer import Gazetteer, get_gazetteer
from sitroom.resolve.geo.link import precision
from sitroom.resolve.geo.place import Place
from sitroom.resolve.geo.toponyms import Mention, find_mentions, with_cues

_SPECIFICITY = {"city": 0, "admin2": 1, "admin1": 2, "area": 3, "country": 4, "continent": 5}
_STOP = frozenset(
    [
        "the",
        "of",
        "in",
        "and",
        "near",
        "area",
        "city",
        "town",
        "village",
        "district",
        "province",
        "governorate",
        "region",
    ]
)


@dataclass(frozen=True, slots=True)
class PhraseResult:
    place: Place
    geo_precision: int | None


def geocode_phrase(
    text: str, *, nlp: Language, country: str | None = None, gazetteer: Gazetteer | None = None
) -> PhraseResult | None:
    """The most specific resolvable place in ``text`` (within ``country`` if given)."""
    gaz = gazetteer if gazetteer is not None else get_gazetteer()
    doc = nlp(text)
    mentions = list(find_mentions(doc, gaz))
    if country:
        extra = _country_ngrams(doc, gaz, country, mentions)
        mentions = sorted([*mentions, *with_cues(doc_text(doc), extra)], key=lambda m: m.start)
    places = resolve(gaz, mentions, context_countries=(country,) if country else ())
    usable = [
        (m, p)
        for m, p in zip(mentions, places, strict=True)
        if p.place is not None and not p.demonym and (country is None or p.place.cc == country)
    ]
    if not usable:
        return None
    m, p = min(usable, key=lambda mp: (_SPECIFICITY[mp[1].place.kind], mp[0].start))  # type: ignore[union-attr]
    return PhraseResult(p, precision(m, p))


def _country_ngrams(doc: object, gaz: Gazetteer, cc: str, taken: list[Mention]) -> list[Mention]:
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    covered = {i for m in taken for i in range(m.start, m.end)}
    found: list[Mention] = []
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        hit = None
        for stop in range(min(i + 4, len(tokens)), i, -1):
            span = doc[i:stop]
            words = [t.lower_ for t in span if t.is_alpha]
            if not words or all(w in _STOP for w in words) or span.start_char in covered:
                continue
            if any(c.place.cc == cc for c in candidates(gaz, span.text)):
                hit = span
                break
        if hit is None:
            i += 1
            continue
        found.append(
            Mention(hit.text, hit.start_char, hit.end_char, "gazetteer", 0, len(doc_text(doc)))
        )
        covered.update(range(hit.start_char, hit.end_char))
        i = hit.end
    return found
