"""Events: ACLED-style events from a parsed report.

``extract_events(doc, attributions, published=...)`` is the entry point
(``extract``). Inside:

- ``units`` cuts the report into units (sentences, lines), ``triggers`` finds
  factual event words in a unit, ``extract`` writes one ``Draft`` per unit;
- ``args/``: the arguments of an event (actors, places, dates, victims);
- ``classify/``: the ACLED sub-event type of a text (weighted cues, then the
  codebook rules in the order of ``classify.order.RULES``);
- ``report/``: report-level readings (background, strike-release layout, the day
  a report states);
- ``assemble/``: document-level assembly: which sentences tell the same incident
  (``incidents``), its dates (``dates``), its toll (``figures``), release lines
  (``release``); ``record`` turns each incident into an ``Event``, each argument
  from the sentence that states it.
"""

from __future__ import annotations

from sitroom.extract.events.classify import classify_string, classify_text
from sitroom.extract.events.extract import extract_events
from sitroom.extract.events.report import stated_day
from sitroom.extract.events.taxonomy import (
    SUB_EVENT_TYPES,
    SubEventType,
    by_code,
    by_name,
    is_acled,
)

__all__ = [
    "SUB_EVENT_TYPES",
    "SubEventType",
    "by_code",
    "by_name",
    "classify_string",
    "classify_text",
    "extract_events",
    "is_acled",
    "stated_day",
]
