"""A small database of reports we wrote, for the brief's tests: stored through the store
API and clustered by the real dedupe stage, so the brief reads what ingest would leave."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.dedupe import recluster
from sitroom.records import (
    Attribution,
    Event,
    Evidence,
    Fatalities,
    Record,
    Repairs,
    Source,
)
from sitroom.store import Store


@dataclass(frozen=True)
class Sentence:
    text: str
    event: Event
    sources: tuple[Attribution, ...] = field(default=())


def _record(
    name: str,
    published: str,
    outlet: str | None,
    sentences: list[tuple[str, dict[str, object], list[tuple[str, str, bool]]]],
    url: str | None = None,
) -> Record:
    """One document: each sentence yields one event and names its sources (name, type, anon)."""
    text, events, attributions = "", [], []
    for sentence, fields, sources in sentences:
        start = len(text)
        text += sentence + "\n\n"
        end = start + len(sentence)
        for source, kind, anonymous in sources:
            attributions.append(Attribution(source, kind, anonymous, start, end))
        fatalities = fields.pop("fatalities", None)
        low_high = Fatalities(*fatalities) if isinstance(fatalities, tuple) else Fatalities()
        events.append(
            Event(
                **fields,  # type: ignore[arg-type]
                fatalities=low_high,
                sources=tuple(s[0] for s in sources),
                evidence=(Evidence(start, end),),
                notes=sentence,
            )
        )
    return Record(
        id=(name * 64)[:64],
        source=Source(path=f"reports/{name}.txt", format="txt", url=url, outlet=outlet),
        title=sentences[0][0][:60],
        published=published,
        byline=(),
        contributors=(),
        text=text.strip(),
        removed=(),
        repairs=Repairs(),
        entities=(),
        quotes=(),
        attributions=tuple(attributions),
        events=tuple(events),
    )


CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash"}
STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
DEIR = {
    "location": "Deir ez-Zor", "admin1": "Dayr az Zawr", "country": "Syria",
    "latitude": 35.336, "longitude": 40.141, "geo_precision": 1,
}


def records() -> list[Record]:
    day = {"date_start": "2024-03-04", "date_end": "2024-03-04", "time_precision": 1}
    return [
        _record("a", "2024-03-05", "Wire A", [
            ("Islamic State fighters killed 18 soldiers near Deir ez-Zor on Monday, the "
             "Syrian Observatory for Human Rights said.",
             {**CLASH, **DEIR, **day, "actor1": "Islamic State",
              "actor2": "Military Forces of Syria", "fatalities": (18, 18, 18)},
             [("Syrian Observatory for Human Rights", "organization", False)]),
            ("Russian jets struck a market in Idlib on Wednesday, killing five, rebels claimed.",
             {**STRIKE, "location": "Idlib", "admin1": "Idlib", "country": "Syria",
              "latitude": 35.93, "longitude": 36.63, "geo_precision": 1,
              "date_start": "2024-03-06", "date_end": "2024-03-06",
              "actor1": "Military Forces of Russia", "actor2": "Civilians (Syria)",
              "fatalities": (5, 5, 5), "certainty": "claimed"},
             [("rebels", "organization", True)]),
        ], url="https://example.org/wire-a/deir"),
        _record("b", "2024-03-05", "Desk B", [
            ("Gunmen killed at least 15 soldiers in an ambush in Deir ez-Zor province late "
             "Monday, a war monitor said.",
             {**CLASH, **DEIR, **day, "actor1": "Unidentified Armed Group (Syria)",
              "actor2": "Military Forces of Syria", "fatalities": (15, 15, 15)},
             [("a war monitor", "organization", True)]),
            ("Residents said people protested in Syria on 10 March, a claim no one confirmed.",
             {"event_type": "Protests", "sub_event_type": "Peaceful protest",
              "country": "Syria", "date_start": "2024-03-10", "date_end": "2024-03-10",
              "actor1": "Protesters (Syria)", "certainty": "unconfirmed"},
             [("Residents", "anonymous", True)]),
            ("Shelling of Raqqa province over two days killed between 3 and 6 people.",
             {**STRIKE, "sub_event_type": "Shelling/artillery/missile attack",
              "location": "Ar Raqqah", "admin1": "Ar Raqqah", "country": "Syria",
              "latitude": 35.95, "longitude": 39.01, "geo_precision": 3,
              "date_start": "2024-03-12", "date_end": "2024-03-13",
              "actor1": "Military Forces of Syria", "fatalities": (3, 4, 6)},
             []),
        ]),
        _record("c", "2024-02-20", None, [
            ("Two fighters died in clashes near Aleppo on Tuesday.",
             {**CLASH, "location": "Aleppo", "admin1": "Aleppo", "country": "Syria",
              "latitude": 36.2, "longitude": 37.16, "geo_precision": 1,
              "date_start": "2024-02-20", "date_end": "2024-02-20",
              "actor1": "Military Forces of Syria", "fatalities": (2, 2, 2)},
             []),
            ("Airstrikes have killed 300 people in Syria since January.",
             {**STRIKE, "country": "Syria", "date_start": "2024-03-02",
              "date_end": "2024-03-02", "aggregate": True, "fatalities": (300, 300, 300)},
             []),
            ("Syrian forces arrested a man in Homs at some point.",
             {"event_type": "Strategic developments", "sub_event_type": "Arrests",
              "location": "Homs", "country": "Syria"},
             []),
        ]),
        _record("d", "2024-03-08", "Wire A", [
            ("A roadside bomb killed two soldiers near Mosul on Friday, police said.",
             {"event_type": "Explosions/Remote violence",
              "sub_event_type": "Remote explosive/landmine/IED", "location": "Mosul",
              "admin1": "Nineveh", "country": "Iraq", "latitude": 36.34, "longitude": 43.13,
              "geo_precision": 1, "date_start": "2024-03-08", "date_end": "2024-03-08",
              "actor2": "Military Forces of Iraq", "fatalities": (2, 2, 2)},
             [("police", "government", True)]),
        ]),
    ]


def build(store: Store) -> Store:
    for record in records():
        assert store.add_record(record)
    recluster(store)
    return store
