"""Vocabulary kept as data: word lists (``.txt``) and tables (``.tsv``), read by one loader.

Every list the rules share lives here once, in a file named for what it holds:

- ``armed_groups.tsv``: named armed groups (ACLED name, inter code, the pattern
  that recognises them, the names the entity ruler tags), read by actor
  normalisation (``resolve.actors``), the entity ruler (``nlp.patterns``) and the
  event classifier (``extract.events.classify``);
- ``organisations.txt``: other organisations the entity ruler tags (monitors,
  commands);
- ``event_triggers.tsv``: the lemmas that trigger an event and the sub-event code
  each implies (``extract.events.triggers``);
- ``event_cues.tsv``: the weighted cue table of the event classifier (code,
  weight, pattern, why); ``event_cue_parts.tsv``: pattern pieces the cues share,
  written ``{{name}}`` in a cue;
- ``speech_verbs.txt``, ``stance_verbs.txt``, ``hedges.tsv``: attribution cues
  and hedges (``extract.speech``);
- ``civilian_words.txt``, ``force_words.txt``: nouns for civilians and for armed
  forces;
- ``kin_words.txt``: one person named by a tie to a counted group ("three children
  and their aunt"), a victim of their own (``numbers.casualties``);
- ``person_posts.txt``, ``time_words.txt``: posts that name one person, and words
  that name a time, never a speaker (``extract.speech`` speaker resolution);
- ``incident_words.tsv``: the word classes that tell an incident by a noun phrase or a
  passive, a place taken or power seized (``extract.events.nominal``), one row per role.

Format: UTF-8; blank lines and lines starting with ``#`` are comments (say there
how a list was chosen). A ``.txt`` file holds one entry per line. A ``.tsv`` file
starts with a header row naming its columns, then one row per entry, fields
separated by a single tab (no quoting: a pattern is written as is).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_PART = re.compile(r"\{\{(\w+)\}\}")


def _lines(filename: str) -> list[str]:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``name.txt``, in file order."""
    return tuple(line.strip() for line in _lines(f"{name}.txt"))


def words(name: str) -> frozenset[str]:
    """The entries of ``name.txt`` as a set."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``name.tsv`` as dicts keyed by the header's column names."""
    header, *rows = _lines(f"{name}.tsv")
    columns = header.split("\t")
    out = []
    for number, row in enumerate(rows, start=2):
        fields = row.split("\t")
        if len(fields) != len(columns):
            raise ValueError(f"{name}.tsv row {number}: {len(fields)} fields, want {len(columns)}")
        out.append(dict(zip(columns, fields, strict=True)))
    return tuple(out)


def role_words(name: str, role: str) -> frozenset[str]:
    """The space-separated ``words`` of the row of ``name.tsv`` whose ``role`` is ``role``
    (tables of word classes, one row per role: ``incident_words.tsv``)."""
    found = [row["words"].split() for row in table(name) if row["role"] == role]
    if len(found) != 1:
        raise KeyError(f"{name}.tsv: {len(found)} rows with role {role!r}, want 1")
    return frozenset(found[0])


def alternation(name: str) -> str:
    """The entries of ``name.txt`` as one regex alternation, longest first: ``a|b|c``."""
    return "|".join(sorted(word_list(name), key=len, reverse=True))


def expand(pattern: str, parts: dict[str, str]) -> str:
    """``pattern`` with every ``{{name}}`` replaced by ``parts[name]``."""
    return _PART.sub(lambda m: parts[m.group(1)], pattern)


def data_files() -> tuple[str, ...]:
    """The names of every data file of the lexicon (``.txt`` and ``.tsv``)."""
    return tuple(
        sorted(
            entry.name
            for entry in resources.files(__name__).iterdir()
            if entry.name.endswith((".txt", ".tsv"))
        )
    )


__all__ = ["alternation", "data_files", "expand", "table", "word_list", "words"]
