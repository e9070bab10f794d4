"""The name of a place a lead sentence leaves indefinite ("gunmen killed dozens of people in
a remote northern village"), given by the sentences right after it ("men in
uniform entered the Kaduna State village of Qazwadiri"): news names the place in the
elaboration, with the same noun made definite. Only the same noun counts ("a village"
... "the village of X", "X village"), only within the next sentences of the report."""

from __future__ import annotations

import re

from spacy.tokens import Span

from sitroom import lexicon
from sitroom.nlp.text import doc_text

_NOUNS = lexicon.role_words("incident_words", "settlement_noun")
# How far after the lead the name may come: about two sentences of wire copy.
_WINDOW = 400
_NAME = r"((?:[A-Z][\w'’-]+)(?:[ -](?:al-|el-|de |)?[A-Z][\w'’-]+){0,2})"


def _indefinite(unit: Span) -> str | None:
    """The noun of an indefinite settlement in ``unit`` ("a village", "a northeastern town")."""
    for token in unit:
        if (
            token.lemma_.lower() in _NOUNS
            and token.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        ):
            return token.lower_
    return None


def named_later(unit: Span) -> str | None:
    """The name the next sentences give to the settlement ``unit`` leaves indefinite."""
    noun = _indefinite(unit)
    if noun is None:
        return None
    text = doc_text(unit.doc)
    window = text[unit.end_char : unit.end_char + _WINDOW]
    match = re.search(rf"\b{noun} of {_NAME}", window) or re.search(rf"\b{_NAME} {noun}\b", window)
    return match.group(1) if match else None
