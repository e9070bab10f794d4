"""Back-references to an armed group: "the group", "the militants", "the armed group".

A report names a group once ("Islamic State fighters ambushed …") and then
calls it "the group" or "the militants". ACLED codes the named group, so an
actor phrase that is only such a back-reference takes the non-state armed group
named last before it in the report. Without one it stays unresolved ("the
group" is then no actor at all, see ``args.actors.is_actor``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitroom.nlp.text import doc_text
from sitroom.resolve.actors import GroupMention, armed_group_mentions

# Head nouns a report uses for a group it has already named.
_GENERIC_HEADS = frozenset(
    "group groups militants jihadists insurgents rebels extremists fighters terrorists "
    "militia militias movement organization organisation".split()
)
# Adjectives that keep a phrase generic ("the armed group", "the jihadist movement").
_GENERIC_MODIFIERS = frozenset(
    "armed militant jihadist extremist insurgent terrorist rebel islamist sunni".split()
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def back_reference(token: Token) -> str | None:
    """The named group ``token``'s phrase refers back to, as written earlier, or None."""
    if token.lower_ not in _GENERIC_HEADS:
        return None
    children = list(token.children)
    if not any(c.dep_ == "det" for c in children) and token.tag_ == "NNS":
        # "jihadists abducted 30 women": a bare plural names the report's group only
        # when the report has named exactly one before.
        if any(c.dep_ in ("compound", "nmod", "poss", "amod", "prep") for c in children):
            return None
        before = _mentions_before(token)
        return before[-1].text if len({m.name for m in before}) == 1 else None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in children):
        return None  # "some militants", "a group": no antecedent is implied
    for child in children:
        if child.dep_ in ("compound", "nmod", "poss", "nummod"):
            return None  # "the Islamic State group", "its fighters", "the 20 fighters"
        if child.dep_ == "amod" and child.lower_ not in _GENERIC_MODIFIERS:
            return None  # "the local fighters", "the foreign militants": a part, not the group
        if child.dep_ in ("prep", "acl", "relcl", "appos"):
            return None  # "the militants of the Ogaden", "the group that ...": described anew
    before = _mentions_before(token)
    return before[-1].text if before else None


_MENTIONS_KEY = "sitroom.armed_group_mentions"


def _mentions(doc: Doc) -> list[GroupMention]:
    """The report's armed-group mentions, found once per document."""
    cached: list[GroupMention] | None = doc.user_data.get(_MENTIONS_KEY)
    if cached is None:
        cached = armed_group_mentions(doc_text(doc))
        doc.user_data[_MENTIONS_KEY] = cached
    return cached


def _mentions_before(token: Token) -> list[GroupMention]:
    return [m for m in _mentions(token.doc) if m.end <= token.idx]
