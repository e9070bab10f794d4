"""The lexicon's data files: each loads, each pattern compiles, no row is there twice,
every cue code is a taxonomy code, and every file is read by some rule."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from sitroom import lexicon
from sitroom.extract import by_code
from sitroom.extract.events.classify.cues import CUES
from sitroom.nlp.patterns import ENTITY_PATTERNS
from sitroom.resolve.actors import armed_group_mentions, normalize_actor

SOURCE = Path(__file__).resolve().parents[2] / "sitroom"
TABLES = [name for name in lexicon.data_files() if name.endswith(".tsv")]
LISTS = [name for name in lexicon.data_files() if name.endswith(".txt")]
# Columns that hold a regular expression, per table.
PATTERN_COLUMNS = {
    "armed_groups": "pattern",
    "event_cues": "pattern",
    "event_cue_parts": "pattern",
    "hedges": "pattern",
}
# Scores the rules read that are never a result (event_cues.tsv says so in its header).
INTERNAL_CODES = frozenset({"_BLAST", "_EPIDEMIC"})


def _stem(filename: str) -> str:
    return filename.rsplit(".", 1)[0]


def test_the_lexicon_has_its_files() -> None:
    assert {"armed_groups.tsv", "event_cues.tsv", "civilian_words.txt"} <= set(lexicon.data_files())


@pytest.mark.parametrize("filename", TABLES)
def test_every_table_loads_with_its_header(filename: str) -> None:
    rows = lexicon.table(_stem(filename))
    assert rows, filename
    columns = set(rows[0])
    assert all(set(row) == columns for row in rows)


@pytest.mark.parametrize("filename", LISTS)
def test_every_word_list_loads_without_blanks(filename: str) -> None:
    entries = lexicon.word_list(_stem(filename))
    assert entries and all(e and e == e.strip() for e in entries)


@pytest.mark.parametrize("filename", lexicon.data_files())
def test_no_entry_is_there_twice(filename: str) -> None:
    stem = _stem(filename)
    if filename.endswith(".txt"):
        entries = list(lexicon.word_list(stem))
    else:
        entries = ["\t".join(row.values()) for row in lexicon.table(stem)]
        if stem in PATTERN_COLUMNS:
            # No two rows with one pattern either (a cue counted twice).
            keyed = [
                (row.get("code", ""), row[PATTERN_COLUMNS[stem]]) for row in lexicon.table(stem)
            ]
            assert [k for k, n in Counter(keyed).items() if n > 1] == []
    assert [e for e, n in Counter(entries).items() if n > 1] == []


@pytest.mark.parametrize(("table", "column"), sorted(PATTERN_COLUMNS.items()))
def test_every_pattern_compiles(table: str, column: str) -> None:
    for row in lexicon.table(table):
        re.compile(row[column])  # event_cues: with its {{parts}} unexpanded too


def test_every_cue_compiles_expanded_and_uses_known_parts() -> None:
    parts = {row["name"] for row in lexicon.table("event_cue_parts")} | {"named_groups"}
    used = {
        name
        for row in lexicon.table("event_cues")
        for name in re.findall(r"\{\{(\w+)\}\}", row["pattern"])
    }
    assert used == parts
    assert len(CUES) == len(lexicon.table("event_cues"))
    assert all("{{" not in cue.pattern.pattern for cue in CUES)


def test_every_cue_code_is_in_the_taxonomy() -> None:
    codes = {row["code"] for row in lexicon.table("event_cues")}
    unknown = []
    for code in codes - INTERNAL_CODES:
        try:
            by_code(code)
        except KeyError:
            unknown.append(code)
    assert unknown == []
    # A weight is a number, never zero (negative ones cancel another cue's reading).
    assert all(float(row["weight"]) != 0 for row in lexicon.table("event_cues"))


def test_internal_cue_codes_are_read_by_a_rule() -> None:
    rules = "".join(p.read_text(encoding="utf-8") for p in (SOURCE / "extract").rglob("*.py"))
    assert all(f'"{code}"' in rules for code in INTERNAL_CODES)


def test_armed_groups_have_a_known_inter_code_and_one_name_each() -> None:
    rows = lexicon.table("armed_groups")
    assert {row["inter"] for row in rows} <= {
        "state",
        "rebel",
        "political_militia",
        "identity_militia",
        "external",
    }
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    ruler = [n for row in rows for n in row["names"].split(";") if n]
    assert len(ruler) == len(set(ruler))


@pytest.mark.parametrize("filename", lexicon.data_files())
def test_every_data_file_is_read_by_the_code(filename: str) -> None:
    """No unused word class: some module asks the loader for it by name."""
    stem = _stem(filename)
    calls = re.compile(
        rf"lexicon\.(?:words|word_list|table|alternation|role_words)\(\s*[\"']{re.escape(stem)}[\"']"
    )
    readers = [p for p in SOURCE.rglob("*.py") if calls.search(p.read_text(encoding="utf-8"))]
    assert readers, f"{filename} is read by no module"


def test_one_table_serves_actor_normalisation_the_ruler_and_back_references() -> None:
    # Groups once named only in a classifier rule are known to the actor normaliser.
    assert normalize_actor("TPLF forces").name == "TPLF: Tigray People's Liberation Front"
    assert normalize_actor("Fano militiamen").name == "Fano Militia"
    assert normalize_actor("M23 rebels").name == "M23: March 23 Movement"
    assert normalize_actor("the Arakan Army").name == "AA: Arakan Army"
    assert normalize_actor("Shabaab fighters").name == "Al Shabaab"
    ruler = {p["pattern"] for p in ENTITY_PATTERNS if p["label"] == "ORG"}
    assert {"TPLF", "Arakan Army", "Islamic State", "Syrian Observatory for Human Rights"} <= ruler
    (mention,) = armed_group_mentions("The TPLF said its forces repelled the attack.")
    assert mention.text == "TPLF"


def test_loader_helpers() -> None:
    assert lexicon.expand(r"\b{{a}} and {{b}}\b", {"a": "x", "b": "y|z"}) == r"\bx and y|z\b"
    alternation = lexicon.alternation("force_words")
    assert alternation.index("police officers") < alternation.index("police officer|")
    assert re.fullmatch(rf"(?:{alternation})", "security forces")


def test_every_role_of_the_incident_words_is_one_row_and_read() -> None:
    rows = lexicon.table("incident_words")
    roles = [row["role"] for row in rows]
    assert len(roles) == len(set(roles))
    assert lexicon.role_words("incident_words", "gathering_verb") >= {"gather", "march"}
    with pytest.raises(KeyError, match="no_such_role"):
        lexicon.role_words("incident_words", "no_such_role")
    code = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py"))
    unread = [role for role in roles if f'"{role}"' not in code]
    assert unread == []


def test_every_trigger_code_is_in_the_taxonomy_or_resolved_by_victims() -> None:
    codes = {row["code"] for row in lexicon.table("event_triggers")}
    unknown = sorted(code for code in codes - {"KILL"} if _known(code) is None)
    assert unknown == []


def _known(code: str) -> object | None:
    try:
        return by_code(code)
    except KeyError:
        return None
