"""The nlp stage: one spaCy pipeline per process, with domain entity patterns.

The pipeline is named by a setting (``SITROOM_SPACY_MODEL``), so a user can
switch to a larger or another model; it is loaded once per process and cached.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from sitroom.errors import Codes, SitroomError
from sitroom.nlp.attributes import use_dict_attribute_ruler
from sitroom.nlp.patterns import ENTITY_PATTERNS
from sitroom.settings import get_settings

# spaCy's default max_length is 1,000,000 characters; reports are far shorter.
# We keep the default and reject longer texts per document (E031) rather than
# raising the limit, which trades memory for texts that are not reports.
MAX_TEXT_CHARS = 1_000_000


def get_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: the configured one), with our entity ruler."""
    # Keyed by the model's name, so get_nlp() and get_nlp(None) share one load.
    return _load(name or get_settings().spacy_model)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise SitroomError(Codes.E030, stage="nlp", name=model) from exc
    _split_glued_quote_marks(nlp)
    # The same annotations as spaCy's attribute ruler, a quarter of its time.
    use_dict_attribute_ruler(nlp)
    # Patterns run before the statistical NER and overwrite its spans where they
    # disagree: sm tags "Kobane" as ORG and never tags "Islamic State".
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="sitroom_entities",
        before="ner",
        config={"overwrite_ents": True},
    )
    ruler.add_patterns(ENTITY_PATTERNS)  # type: ignore[attr-defined]
    # The max_parser_chars setting may raise the limit; spaCy must then accept it.
    nlp.max_length = max(nlp.max_length, get_settings().max_parser_chars)
    return nlp


# Scraped text often drops the space after a closing quote mark (`paranoia,”Clinton
# said`); spaCy then keeps `paranoia,”Clinton` as one token and the speaker is lost.
# These infixes split the mark, and punctuation glued before it, from the next word.
# A curly single mark is split only after punctuation, because between letters it is
# an apostrophe (`don’t`). Infixes only split tokens, so offsets are unchanged.
_GLUED_CLOSING_QUOTE = (
    r"""(?<=\w)[,.!?](?=[”"’][A-Za-z])""",
    r"""(?<=[\w,.!?])[”"](?=[A-Za-z])""",
    r"""(?<=[,.!?])’(?=[A-Za-z])""",
)


def _split_glued_quote_marks(nlp: Language) -> None:
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_CLOSING_QUOTE]
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# A title longer than this is no headline but a scrape's first paragraph: 300
# characters is twice the longest headline of the sitroom-reports corpus.
_HEADLINE_CHARS = 300


def parse_headline(nlp: Language, title: str | None) -> Doc | None:
    """The parsed title of a document, or None if it has none (or one too long to be one)."""
    if not title or not title.strip() or len(title) > _HEADLINE_CHARS:
        return None
    return nlp(title.strip())
