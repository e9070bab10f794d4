"""The colours of ACLED's six event types, one set for every picture we draw: the
briefs' charts (``report.charts``) and the dashboard's map and timeline (the page
hands them to ``serve/static/dashboard.js`` as ``data-colours``)."""

from __future__ import annotations

import json

# matplotlib's "tab10" colours, one per type, so a printed brief and the dashboard agree.
TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
OTHER_COLOUR = "#7f7f7f"


def type_colour(event_type: str) -> str:
    """The colour of an event type (grey for anything else)."""
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def colours_json() -> str:
    """The type colours and the fallback as JSON, for the dashboard's script."""
    return json.dumps({"types": TYPE_COLOURS, "other": OTHER_COLOUR})
