"""Event → coordinates: choose the event's mention, check it against the report, else contain it.

For each event: the extractor's ``location_text`` or the best-scoring mention
of its evidence (``link.pick``); a town that is implausible for the report or
a stray homonym of a district goes to the place that contains it
(``context.container``, precision 2; 3 for a province), else to the
dateline's town; a country alone fills ``country`` and no coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sitroom.distance import haversine_km
from sitroom.nlp.text import doc_text
from sitroom.records import Event
from sitroom.resolve.geo.context import (
    SUBPLACE_KM,
    GeoContext,
    ReportFrame,
    container,
    hint_countries,
    is_demonym,
    is_own_town,
    is_subplace,
    moved_or_based,
    plausible,
    report_frame,
)
from sitroom.resolve.geo.gazetteer import Gazetteer
from sitroom.resolve.geo.link import mention_score, pick, precision
from sitroom.resolve.geo.listing import Listing, find_listing, section_country
from sitroom.resolve.geo.normalize import fold
from sitroom.resolve.geo.place import GazPlace, Place
from sitroom.resolve.geo.toponyms import Mention


def geocode_with(
    doc: Doc,
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    events: tuple[Event, ...],
    *,
    context: GeoContext | None = None,
) -> tuple[Event, ...]:
    frame = report_frame(gaz, mentions, places, context)
    listing = find_listing(doc_text(doc))
    out = []
    for event in events:
        spans = [(e.start, e.end) for e in event.evidence]
        item = next((it for s, _ in spans if (it := listing.item_at(s)) is not None), None)
        # "the southern Ukrainian city of Kherson": an adjective is not a place to look up.
        wanted = None if is_demonym(event.location_text) else event.location_text
        ms, ps = mentions, places
        if wanted and wanted not in doc_text(doc):
            # A place the body never writes: the headline's (``extract.events.headline``).
            out.append(_named_outside(gaz, mentions, event, wanted, context=context))
            continue
        if wanted and not _covers(ms, wanted):
            # The extractor's place was not found as a mention (NER missed it):
            # resolve it where it is written, with the report's other places as context.
            ms, ps = _add_mention(doc, gaz, ms, wanted, spans, context=context)
        idx = _choose(doc, ms, ps, spans, wanted)
        if idx is not None and item is not None and _in_sibling(listing, item, ms[idx]):
            # "* Near Kisik, ..." after "* Near Bayji, ...": the line above is
            # another item of the list, never where this one happened.
            idx = None
        if idx is not None and item is not None and _outside_section(doc, listing, ms, ps, idx):
            # A village under "Syria" whose folded name a region abroad shares is not that
            # region: a list item lies in the country its section names; an unknown town
            # is coded to that country.
            idx = None
        if idx is None:
            out.append(_section(doc, gaz, ms, ps, listing, event, spans) if item else event)
            continue
        m, p = ms[idx], ps[idx]
        # The extractor's own place counts as named by the event even outside the sentence.
        inside = any(s <= m.start and m.end <= e for s, e in spans) or bool(
            wanted and fold(wanted) in fold(m.text)
        )
        if event.aggregate and not inside:
            # An aggregate claim ("airstrikes have killed 8,500 since August") covers many
            # places; only a place its own sentence names may be put on the map.
            out.append(event)
            continue
        # A country is kept as such (no coordinates); a town must be plausible for the report.
        country_only = p.place is not None and p.place.kind in ("country", "continent")
        if country_only or (
            inside and plausible(gaz, frame, m, p) and not _stray_subplace(doc, ms, ps, frame, m, p)
        ):
            out.append(fill(event, gaz, m, p))
        else:
            out.append(
                _contained(doc, gaz, ms, ps, frame, event, m, spans, inside=inside, listing=listing)
            )
    return tuple(out)


def _outside_section(
    doc: Doc,
    listing: Listing,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    idx: int,
) -> bool:
    """Whether the place chosen for a list item lies outside the country of its section."""
    place = places[idx].place
    at = mentions[idx].start
    country = section_country(doc_text(doc), listing, mentions, places, at)
    return place is not None and country is not None and place.cc != country.cc


def _in_sibling(listing: Listing, item: tuple[int, int], m: Mention) -> bool:
    other = listing.item_at(m.start)
    return other is not None and other != item


def _section(
    doc: Doc,
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    listing: Listing,
    event: Event,
    spans: Sequence[tuple[int, int]],
) -> Event:
    """A list item whose own place is not resolvable: coded to the country its
    section names ("Strikes in Iraq"), keeping its own text, or left unplaced."""
    at = min((s for s, _ in spans), default=0)
    country = section_country(doc_text(doc), listing, mentions, places, at)
    if country is None:
        return event
    return fill_country(event, country, event.location_text)


def fill_country(event: Event, country: GazPlace, said: str | None) -> Event:
    """Coded at country level: the country is the location (ACLED precision 3),
    with no coordinates; a country-centroid pin would look precise and is not."""
    return replace(
        event,
        location=country.name,
        admin1=None,
        country=country.name,
        latitude=None,
        longitude=None,
        geo_precision=3,
        location_text=said,
    )


def _stray_subplace(
    doc: Doc,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    frame: ReportFrame,
    m: Mention,
    p: Place,
) -> bool:
    """ "the Dniprovskyi district" of a Kherson report resolved to a place far
    from the report's town (Dniprovskyi, Kyiv): a homonym, not this district."""
    if p.place is None or not is_subplace(doc_text(doc), m.end):
        return False
    if p.place.kind in ("admin1", "admin2"):
        return False  # "the Gwoza district" resolved to the district itself
    j = container(doc_text(doc), mentions, places, frame, at=m.start, spans=[], subplace=True)
    town = places[j].place if j is not None else frame.town
    if town is None or town.id == p.place.id:
        return False
    return haversine_km(town.lat, town.lon, p.place.lat, p.place.lon) > SUBPLACE_KM


def _choose(
    doc: Doc,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    spans: Sequence[tuple[int, int]],
    location_text: str | None,
) -> int | None:
    idx = pick(doc, mentions, places, spans, location_text=location_text)
    if idx is None or not location_text or places[idx].place is None:
        return idx
    if places[idx].place.kind not in ("country", "continent"):  # type: ignore[union-attr]
        return idx
    # "Anéfis in northern Mali's Kidal region" with location_text "Mali": a
    # country is the extractor's last resort; a place the sentence names
    # inside it (resolved or not: the fallback finds its container) wins.
    country = places[idx].place
    finer = [
        i
        for i, m in enumerate(mentions)
        if m.demonym_cc is None
        and not m.modifier
        and any(s <= m.start and m.end <= e for s, e in spans)
        and _finer(places[i].place, country)
    ]
    if not finer:
        return idx
    return max(finer, key=lambda i: (mention_score(doc, mentions[i], places[i]), -i))


def _finer(place: GazPlace | None, country: GazPlace | None) -> bool:
    """Unresolved, or a town/region in ``country``."""
    if place is None:
        return True
    same = country is None or place.cc == country.cc
    return same and place.kind not in ("country", "continent")


def _contained(
    doc: Doc,
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    frame: ReportFrame,
    event: Event,
    m: Mention,
    spans: Sequence[tuple[int, int]],
    *,
    inside: bool,
    listing: Listing,
) -> Event:
    """An event whose own place is unresolved, implausible or only named earlier:
    coded to the place that contains it (precision 2; 3 for a province), else
    to the dateline's town, else left without coordinates."""
    at = m.start if inside else min((s for s, _ in spans), default=m.start)
    if inside and not any(s <= m.start and m.end <= e for s, e in spans):
        # The event's own place named in a later sentence ("the Kaduna State village of
        # Qazwadiri"): what contains it is in that sentence.
        spans = [*spans, (m.sent_start, m.sent_end)]
    own_town = inside and is_own_town(doc_text(doc), m.start)
    # A list item ("* Near Kisik, ...") is contained only by what its own line names.
    item = any(listing.in_item(s) for s, _ in spans)
    j = container(
        doc_text(doc),
        mentions,
        places,
        frame,
        at=at,
        spans=spans,
        subplace=inside and is_subplace(doc_text(doc), m.end),
        window=not own_town and not item,
    )
    said = event.location_text or (m.text if inside else None)
    if item and j is None:
        return _section(
            doc, gaz, mentions, places, listing, replace(event, location_text=said), spans
        )
    if j is not None:
        found = places[j]
        if not inside and found.place is not None and found.place.kind == "city":
            # "the town" a paragraph later: the town itself, as the text says.
            return fill(event, gaz, mentions[j], found)
        return _fill_near(event, gaz, found.place, said)
    if frame.town is not None and not own_town:
        return _fill_near(event, gaz, frame.town, said)
    country = _sentence_country(doc_text(doc), gaz, mentions, places, spans)
    if country is not None:
        # "in a northern Malian village": all the sentence says is the country.
        return fill_country(event, country, said)
    return replace(event, location_text=said)


def _sentence_country(
    text: str,
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    spans: Sequence[tuple[int, int]],
) -> GazPlace | None:
    """The one country the evidence names (by name or demonym), not as a
    destination, origin or speaker's base."""
    named: set[str] = set()
    for m, p in zip(mentions, places, strict=True):
        if not any(s <= m.start and m.end <= e for s, e in spans) or moved_or_based(text, m.start):
            continue
        if m.demonym_cc is not None:
            named.add(m.demonym_cc)
        elif p.place is not None and p.place.kind == "country":
            named.add(p.place.cc)
    return gaz.country(next(iter(named))) if len(named) == 1 else None


def _fill_near(event: Event, gaz: Gazetteer, gp: GazPlace | None, said: str | None) -> Event:
    if gp is None:
        return replace(event, location_text=said)
    country = gaz.country(gp.cc)
    admin1 = gp if gp.kind == "admin1" else gaz.admin1(gp.cc, gp.admin1)
    return replace(
        event,
        location=gp.name,
        admin1=admin1.name if admin1 is not None else None,
        country=country.name if country is not None else gp.cc,
        latitude=round(gp.lat, 5),
        longitude=round(gp.lon, 5),
        geo_precision=3 if gp.kind in ("admin1", "area") else 2,
        location_text=said,
    )


def _covers(mentions: Sequence[Mention], location_text: str) -> bool:
    key = fold(location_text)
    return any(fold(m.text) == key for m in mentions)


def _add_mention(
    doc: Doc,
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    location_text: str,
    spans: Sequence[tuple[int, int]],
    *,
    context: GeoContext | None = None,
) -> tuple[Sequence[Mention], Sequence[Place]]:
    from sitroom.resolve.geo.disambiguate import resolve
    from sitroom.resolve.geo.toponyms import mentions_from_spans

    hints = hint_countries(gaz, context)
    starts = [doc_text(doc).find(location_text, s, e) for s, e in spans]
    start = next((s for s in starts if s >= 0), doc_text(doc).find(location_text))
    if start < 0:
        return mentions, resolve(gaz, mentions, hint_countries=hints)
    end = start + len(location_text)
    if any(m.start <= start and end <= m.end for m in mentions):
        # "Mazar" inside the mention "Mazar-i-Sharif": the longer name is the place.
        return mentions, resolve(gaz, mentions, hint_countries=hints)
    kept = [m for m in mentions if m.end <= start or m.start >= end]
    combined = sorted([*kept, *mentions_from_spans(doc, [(start, end)])], key=lambda m: m.start)
    return combined, resolve(gaz, combined)


def _named_outside(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    event: Event,
    name: str,
    *,
    context: GeoContext | None = None,
) -> Event:
    """``event`` placed at ``name``, a place written outside the body (the headline),
    resolved with the body's places as its context; unchanged if it does not resolve."""
    from sitroom.resolve.geo.disambiguate import resolve

    given = Mention(name, 0, 0, "given", 0, 0)
    places = resolve(gaz, [given, *mentions], hint_countries=hint_countries(gaz, context))
    return fill(event, gaz, given, places[0])


def fill(event: Event, gaz: Gazetteer, m: Mention, place: Place) -> Event:
    gp = place.place
    if gp is None:
        return event
    if gp.kind == "country":
        return fill_country(event, gp, event.location_text or m.text)
    if gp.kind == "continent":
        return replace(event, location_text=event.location_text or m.text)
    return replace(
        event,
        location=gp.name,
        admin1=place.admin1,
        country=place.country,
        latitude=round(gp.lat, 5),
        longitude=round(gp.lon, 5),
        geo_precision=precision(m, place),
        location_text=event.location_text or m.text,
    )
