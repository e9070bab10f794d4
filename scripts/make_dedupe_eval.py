"""Write the labelled reports that ``sitroom eval dedupe`` scores.

Output: sitroom/eval/data/dedupe_incidents.json.

Our own labelled set (no third-party rows): a few towns we describe ourselves (rough
coordinates, the spellings outlets use), incidents in them, and for each incident
two to four reports the way the pipeline stores them — spelled differently, geocoded
to slightly different points, left unresolved or resolved only to the province,
dated a day apart for overnight attacks, with different tolls. Hard negatives are
incidents placed on purpose next to others: the same town and day with a different
sub-event type, or the same sub-event type (two protests in one capital); the same
name in another country; a near-homonym town; the same town a few days later; a
town 35 km away. Seeded, so the file is reproducible:

    python scripts/make_dedupe_eval.py
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "sitroom" / "eval" / "data" / "dedupe_incidents.json"
SEED = 17


@dataclass(frozen=True)
class Town:
    name: str
    variants: tuple[str, ...]  # other spellings outlets use
    country: str
    admin1: str
    lat: float
    lon: float


TOWNS = {
    t.name: t
    for t in (
        Town(
            "Deir ez-Zor",
            ("Deir al-Zour", "Dayr az-Zawr", "Deir Ezzor"),
            "Syria",
            "Dayr az Zawr",
            35.336,
            40.141,
        ),
        Town("Raqqa", ("Ar-Raqqah", "Raqqah"), "Syria", "Ar Raqqah", 35.95, 39.01),
        Town("Idlib", ("Idleb",), "Syria", "Idlib", 35.93, 36.63),
        Town("Kobani", ("Kobane", "Ayn al-Arab"), "Syria", "Aleppo", 36.89, 38.35),
        Town("Sanaa", ("Sana'a", "Sana"), "Yemen", "Amanat al Asimah", 15.35, 44.21),
        Town("Saada", ("Sa'dah", "Sadah"), "Yemen", "Sa'dah", 16.94, 43.76),
        Town("Taiz", ("Ta'izz", "Taizz"), "Yemen", "Ta'izz", 13.58, 44.02),
        Town("Kharkiv", ("Kharkov",), "Ukraine", "Kharkiv", 49.99, 36.23),
        Town("Kandahar", ("Qandahar", "Kandahar city"), "Afghanistan", "Kandahar", 31.61, 65.71),
        Town("Kunduz", ("Kondoz", "Qunduz"), "Afghanistan", "Kunduz", 36.73, 68.86),
        Town("Maiduguri", ("Maiduguri city",), "Nigeria", "Borno", 11.85, 13.16),
        Town("Konduga", ("Kondugah",), "Nigeria", "Borno", 11.65, 13.42),
        Town("Mogadishu", ("Muqdisho", "Mogadisho"), "Somalia", "Banaadir", 2.04, 45.34),
        Town("Mosul", ("Al-Mawsil", "Mosul city"), "Iraq", "Ninawa", 36.34, 43.13),
        Town("Tripoli", ("Tripoli city", "Tarabulus"), "Libya", "Tripoli", 32.89, 13.19),
        Town("Tripoli (Lebanon)", ("Tripoli", "Trablous"), "Lebanon", "North", 34.44, 35.83),
        Town("Hyderabad", ("Hyderabad city",), "India", "Telangana", 17.38, 78.48),
        Town("Hyderabad (Pakistan)", ("Hyderabad",), "Pakistan", "Sindh", 25.39, 68.37),
    )
}

TYPES = {
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
}
# The other sub-event type for "same town, same day, other sub-type": one of the same
# event type where there is one (battles and attacks on civilians pair with each other).
SIBLING = {
    "Air/drone strike": "Shelling/artillery/missile attack",
    "Shelling/artillery/missile attack": "Air/drone strike",
    "Remote explosive/landmine/IED": "Suicide bomb",
    "Suicide bomb": "Remote explosive/landmine/IED",
    "Peaceful protest": "Protest with intervention",
    "Protest with intervention": "Peaceful protest",
    "Armed clash": "Attack",
    "Attack": "Armed clash",
}


class Maker:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.events: list[dict[str, Any]] = []
        self.incidents = 0
        self.documents = 0
        self.negatives: list[tuple[str, str, str]] = []

    def incident(self, town: Town, sub: str, day: date, *, reports: int | None = None) -> str:
        rng = self.rng
        self.incidents += 1
        label = f"i{self.incidents:03d}"
        toll = rng.choice([0, 1, 2, 3, 5, 7, 12, 20])
        for _ in range(reports or rng.choice([2, 2, 3, 3, 3, 4])):
            self.documents += 1
            self.events.append(self._report(label, town, sub, day, toll))
        return label

    def _report(self, label: str, town: Town, sub: str, day: date, toll: int) -> dict[str, Any]:
        rng = self.rng
        written = rng.choice((town.name.split(" (")[0], *town.variants))
        mode = rng.choices(["geocoded", "unresolved", "province"], weights=[70, 18, 12])[0]
        shift = rng.choices([0, -1, 1], weights=[76, 12, 12])[0]
        when = day + timedelta(days=shift)
        low = max(0, toll + rng.choice([0, 0, -1, 1, 2, -2, 4]))
        event: dict[str, Any] = {
            "document_id": f"r{self.documents:04d}",
            "incident": label,
            "event_type": TYPES[sub],
            "sub_event_type": sub,
            "country": town.country,
            "location": town.name.split(" (")[0],
            "location_text": written,
            "admin1": town.admin1,
            "geo_precision": 1,
            "latitude": round(town.lat + rng.uniform(-0.03, 0.03), 4),
            "longitude": round(town.lon + rng.uniform(-0.03, 0.03), 4),
            "date_start": when.isoformat(),
            "date_end": when.isoformat(),
            "fatalities": {"low": low, "best": low, "high": low + rng.choice([0, 0, 3])},
        }
        if rng.random() < 0.1:  # "last week": a week-precision range around the day
            event["date_start"] = (day - timedelta(days=3)).isoformat()
            event["date_end"] = (day + timedelta(days=3)).isoformat()
        if mode == "unresolved":
            event.update(
                location=None, latitude=None, longitude=None, admin1=None, geo_precision=None
            )
            if rng.random() < 0.5:
                event["country"] = None
        elif mode == "province":
            event.update(
                location=town.admin1,
                geo_precision=3,
                latitude=round(town.lat + 0.4, 4),
                longitude=round(town.lon - 0.3, 4),
            )
        return event

    def negative(self, a: str, b: str, why: str) -> None:
        self.negatives.append((a, b, why))


def build() -> dict[str, Any]:
    m = Maker()
    rng = m.rng
    start = date(2024, 1, 8)
    plain = [
        t for t in TOWNS.values() if "(" not in t.name and t.name not in {"Tripoli", "Hyderabad"}
    ]
    subs = list(TYPES)
    # Ordinary incidents: one town, one day, several reports.
    for n in range(40):
        town = plain[n % len(plain)]
        m.incident(town, rng.choice(subs), start + timedelta(days=rng.randrange(0, 120)))
    # Same town, same day, another sub-type of the same event type.
    for n in range(10):
        town, sub = plain[(n * 5) % len(plain)], subs[n % 6]
        day = start + timedelta(days=130 + n * 4)
        a, b = m.incident(town, sub, day), m.incident(town, SIBLING[sub], day)
        m.negative(a, b, "same town and day, different sub-event type")
    # Same town, same day, same sub-type: two protests in one capital.
    for n, town in enumerate((TOWNS["Sanaa"], TOWNS["Mogadishu"], TOWNS["Kharkiv"])):
        day = start + timedelta(days=180 + n * 5)
        a = m.incident(town, "Peaceful protest", day, reports=2)
        b = m.incident(town, "Peaceful protest", day, reports=2)
        m.negative(a, b, "same town, day and sub-event type, two incidents")
    # The same name in two countries, the same day.
    for n, (one, other) in enumerate(
        (("Tripoli", "Tripoli (Lebanon)"), ("Hyderabad", "Hyderabad (Pakistan)"))
    ):
        for k in range(2):
            day = start + timedelta(days=200 + n * 7 + k * 3)
            sub = ("Peaceful protest", "Attack")[k]
            a, b = m.incident(TOWNS[one], sub, day), m.incident(TOWNS[other], sub, day)
            m.negative(a, b, "same place name, another country")
    # Near-homonyms (Sanaa / Saada), neighbouring towns (35 km), the same town days later.
    for k in range(3):
        day = start + timedelta(days=230 + k * 6)
        a = m.incident(TOWNS["Sanaa"], "Air/drone strike", day)
        b = m.incident(TOWNS["Saada"], "Air/drone strike", day)
        m.negative(a, b, "near-homonym towns, same day")
        a = m.incident(TOWNS["Maiduguri"], "Armed clash", day)
        b = m.incident(TOWNS["Konduga"], "Armed clash", day)
        m.negative(a, b, "towns 35 km apart, same day")
        a = m.incident(TOWNS["Kunduz"], "Remote explosive/landmine/IED", day)
        b = m.incident(TOWNS["Kunduz"], "Remote explosive/landmine/IED", day + timedelta(days=4))
        m.negative(a, b, "same town, four days later")
    # Arrival order: reports of one incident do not come together.
    rng.shuffle(m.events)
    for n, event in enumerate(m.events, 1):
        event["id"] = n
    return {
        "_about": (
            "Labelled reports for `sitroom eval dedupe`, written by scripts/make_dedupe_eval.py "
            f"(seed {SEED}); each event is a report as stored, `incident` is the truth."
        ),
        "events": m.events,
        "hard_negatives": [{"a": a, "b": b, "why": why} for a, b, why in m.negatives],
    }


def main() -> None:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(data['events'])} reports, "
        f"{len(data['hard_negatives'])} hard-negative incident pairs -> {OUT}"
    )


if __name__ == "__main__":
    main()
