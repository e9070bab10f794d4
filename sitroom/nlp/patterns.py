"""Domain entity patterns for the entity ruler.

en_core_web_sm was measured on the seed report: it never tags "Islamic State"
as ORG and tags Kobane and Sinjar as ORG. These patterns fix the names that
matter most in conflict reporting; the statistical NER handles the rest.
"""

from __future__ import annotations

from typing import Any

from sitroom import lexicon

# Armed groups' names (``sitroom/lexicon/armed_groups.tsv``, the table actor
# normalisation reads) and other organisations the small model misses.
_ORGS = (
    *(name for row in lexicon.table("armed_groups") for name in row["names"].split(";") if name),
    *lexicon.word_list("organisations"),
)

_PLACES = lexicon.word_list("places")


def _phrase(label: str, text: str) -> dict[str, Any]:
    return {"label": label, "pattern": text, "id": text.lower()}


ENTITY_PATTERNS: list[dict[str, Any]] = [
    *(_phrase("ORG", name) for name in _ORGS),
    *(_phrase("GPE", name) for name in _PLACES),
]
