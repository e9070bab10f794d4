"""Where reported content ends: asides that close a content span.

PolNeAR's content spans stop before a writer's aside that closes the
sentence ("said he backs the bill, which passed in May"): the aside tells the
reader about a word of the content, it is not what the source said. The
parse hangs such an aside inside the content (a relative clause on its last
noun, an apposition, a participle clause), so the span read off the parse
runs on over it.

``without_closing_aside`` cuts content after its cue at such an aside. It
works on the final content span, after the parse's span has been widened
(``content.run_on``) and after inner cues have been left to the outer one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitroom.extract.speech.parse_tree import phrase_roots

_MARKS = frozenset({",", "—", "–", "--"})
_EDGE = " \t\n,;:.—–-“”\"'‘’"
# Relative words that open a non-restrictive relative clause.
_RELATIVE = frozenset({"which", "who"})


def _tokens_of(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _closing_head(tokens: list[Token], k: int) -> Token | None:
    """The one word that heads every word after ``tokens[k]`` and hangs on a
    word before it: the words after the mark are one phrase of the content."""
    tail = tokens[k + 1 :]
    inside = {t.i for t in tail}
    heads = [t for t in phrase_roots(tail) if not t.is_punct]
    if len(heads) != 1:
        return None
    head = heads[0]
    return None if head.head.i in inside or head.head.i == head.i else head


def _relative_aside(tokens: list[Token], k: int) -> bool:
    """ "…, which passed in May" / "…, who lost in 2012" closing the content."""
    head = _closing_head(tokens, k)
    opener = tokens[k + 1]
    return head is not None and head.dep_ == "relcl" and opener.lower_ in _RELATIVE


def _content_is_phrase(tokens: list[Token]) -> bool:
    """Whether the content is a noun phrase ("praised Ben Carson, …"), not a clause."""
    roots = phrase_roots(tokens)
    return bool(roots) and roots[0].pos_ not in {"VERB", "AUX"}


def _appositive_aside(tokens: list[Token], k: int) -> bool:
    """ "praised Ben Carson, a surgeon who …": an indefinite apposition closing a
    noun-phrase content describes the thing named; PolNeAR's content is the name. "the
    …" appositions and those closing a clause gained nothing or lost.
    """
    head = _closing_head(tokens, k)
    opener = tokens[k + 1]
    return (
        head is not None
        and head.dep_ == "appos"
        and opener.lower_ in {"a", "an"}
        and _content_is_phrase(tokens)
    )


def _participle_aside(tokens: list[Token], k: int) -> bool:
    """ "endorsed Ana Ruiz for mayor, giving her …": a participle clause after a noun-phrase
    content tells what the act did, not what was said. Not after a clause content (it
    lost matches there).
    """
    head = _closing_head(tokens, k)
    return (
        head is not None
        and head.i == tokens[k + 1].i
        and head.tag_ == "VBG"
        and head.dep_ == "advcl"
        and _content_is_phrase(tokens)
    )


_ASIDES = (_relative_aside, _appositive_aside, _participle_aside)


def without_closing_aside(
    doc: Doc, text: str, content: tuple[int, int], cue_at: int
) -> tuple[int, int]:
    """``content`` (characters) without an aside that closes it: a relative
    clause, an indefinite apposition or a participle clause.

    "said he backs the bill, which passed in May" ends at "bill". Only for content after
    its cue (``cue_at``, a character offset): content before the cue ("…, he said") is a
    whole sentence the source spoke. Only a relative clause that runs to the end of the
    content is cut: cutting at every ", which"/", who" lowered F1.
    """
    start, end = content
    if cue_at >= start:
        return content
    tokens = _tokens_of(doc, start, end)
    for k in range(len(tokens) - 2, 0, -1):
        if tokens[k].text not in _MARKS:
            continue
        if any(aside(tokens, k) for aside in _ASIDES):
            last = tokens[k - 1]
            new_end = last.idx + len(last.text)
            while new_end > start and text[new_end - 1] in _EDGE:
                new_end -= 1
            return (start, new_end) if new_end > start else content
    return content
