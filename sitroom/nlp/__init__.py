"""The nlp stage: one spaCy pipeline per process, with domain entity patterns.

The pipeline is named by a setting (``SITROOM_SPACY_MODEL``), so a user can
switch to a larger or another model; it is loaded once per process and cached.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from sitroom.errors import Codes, SitroomError
from sitroom.nlp.patterns import ENTITY_PATTERNS
from sitroom.settings import get_settings

# spaCy's default max_length is 1,000,000 characters; reports are far shorter.
# We keep the default and reject longer texts per document (E031) rather than
# raising the limit, which trades memory for texts that are not reports.
MAX_TEXT_CHARS = 1_000_000


@lru_cache(maxsize=4)
def get_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: the configured one), with our entity ruler."""
    model = name or get_settings().spacy_model
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise SitroomError(Codes.E030, stage="nlp", name=model) from exc
    # Patterns run before the statistical NER and overwrite its spans where they
    # disagree: sm tags "Kobane" as ORG and never tags "Islamic State".
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="sitroom_entities",
        before="ner",
        config={"overwrite_ents": True},
    )
    ruler.add_patterns(ENTITY_PATTERNS)  # type: ignore[attr-defined]
    return nlp
