"""Whether a killing told without its kind ("killed", "attacked", "shot") is a clash
or an attack: by who is named, armed people or civilians (ACLED: an armed clash
has two armed sides; violence against civilians has one)."""

from __future__ import annotations

import re

from sitroom import lexicon
from sitroom.extract.events.classify.civilians import CIVILIAN_VICTIM

# Armed people (``sitroom/lexicon/force_words.txt``), the police, and what they man.
_ARMED = re.compile(
    r"\b(?:" + lexicon.alternation("force_words") + r"|police\w*|members|patrols?|checkpoints?)\b",
    re.IGNORECASE,
)


def default_code(default: str, text: str) -> str:
    """A trigger's code, where "KILL" becomes a clash when more armed people than
    civilians are named, else an attack."""
    if default != "KILL":
        return default
    civilians = len(CIVILIAN_VICTIM.findall(text.lower()))
    return "ARMED_CLASH" if len(_ARMED.findall(text)) > civilians else "ATTACK"
