"""The off-the-shelf baseline of ``sitroom eval reports``: the simplest honest glue.

ftfy repairs the raw file; the plain spaCy pipeline (no sitroom patterns) finds
sentences and entities; every sentence with a keyword of the keyword coder
(``event_baseline``) is one event of that type, placed at the sentence's first
GPE/LOC entity looked up in the gazetteer (its most populous match, no
disambiguation), with the first "N killed/dead" as its deaths (else 0) and the report's
publication day as its date. No cleaning, no quotes, no attributions.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import ftfy
import spacy
from spacy.language import Language

from sitroom.eval.event_baseline import baseline_code, baseline_deaths
from sitroom.extract import by_code, is_acled
from sitroom.resolve.geo import Gazetteer, get_gazetteer
from sitroom.settings import get_settings


@lru_cache(maxsize=1)
def _plain_nlp() -> Language:
    return spacy.load(get_settings().spacy_model)


def _place(gaz: Gazetteer, name: str) -> dict[str, Any]:
    found = gaz.lookup(name)
    if not found:
        return {"location": None, "latitude": None, "longitude": None}
    best = max(found, key=lambda c: c.place.population).place
    return {"location": best.name, "latitude": best.lat, "longitude": best.lon}


def baseline_record(path: Path, *, published: date | None) -> dict[str, Any]:
    """A record in the shape of ``records.md`` made by the baseline from one raw file."""
    text = ftfy.fix_text(path.read_bytes().decode("utf-8", errors="replace"))
    doc = _plain_nlp()(text)
    gaz = get_gazetteer()
    day = published.isoformat() if published else None
    events = []
    for sent in doc.sents:
        code = baseline_code(sent.text)
        if not is_acled(code):
            continue
        sub = by_code(code)
        places = [e.text for e in sent.ents if e.label_ in {"GPE", "LOC"}]
        event: dict[str, Any] = {
            "event_type": sub.event_type,
            "sub_event_type": sub.name,
            "fatalities": {"low": baseline_deaths(sent.text)},
            "date_start": day,
            "date_end": day,
            "evidence": [{"start": sent.start_char, "end": sent.end_char}],
        }
        event.update(_place(gaz, places[0]) if places else {"location": None, "latitude": None})
        events.append(event)
    entities = [
        {"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
        for e in doc.ents
    ]
    return {"text": text, "entities": entities, "quotes": [], "attributions": [], "events": events}
