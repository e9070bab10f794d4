"""Attribution frames without a speech verb: "X: …" labels and "X's claim that …".

- A **label**: a paragraph that opens with a short name and a colon
  (a transcript's "MORALES: The convoy will …", a headline "Survey: Most
  residents plan to return"). The
  source is the name, the cue the colon, the content the rest of the
  paragraph. Quote marks right after the colon are left to the direct-quote
  rules.
- A **claim noun** with its holder and a that-clause ("his claim that the
  border was closed", "the ministry's warning that …"): the source is the
  possessor, the cue the noun, the content the clause (with "that", as
  PolNeAR's content spans run).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.content import trimmed
from sitroom.extract.speech.cues.find import Cue
from sitroom.extract.speech.cues.nominal import noun_holder, prep_noun_cues, survey_cues
from sitroom.nlp.text import doc_text

__all__ = ["claim_noun_cues", "label_cues"]

# A label is at most this many tokens before its colon: speaker names in
# transcripts and headline sources ("Gen. Ana Ruiz", "UN envoy") fit in it;
# longer openings are headlines that make their own claim.
MAX_LABEL_TOKENS = 4
# Words that open a colon line without naming who speaks (page furniture).
_NOT_SOURCES = frozenset(
    """
    update updated updates photo photos video videos watch related read note editor
    correction credit image images tags see also more here advertisement listen
    click follow subscribe caption file breaking exclusive live opinion analysis
    q a question answer contributing
    """.split()
)
# "contributing" is the "Contributing: Ana Ruiz" credit line.
# A label's body of one or two words ("Sanders: 1,547.", "Ruiz: A comeback.") is a tally or
# a section heading, not what the name said: such bodies were right 0 times in 16 on PolNeAR
# train [0:600].
MIN_LABEL_WORDS = 3
_WORD = re.compile(r"\w+")
# Only double marks open a direct quote (marks); a label before single
# marks ("Mayor: ‘We stay’", headline style) reports the words itself.
_QUOTE_MARKS = '"“”„«'
# Nouns that name a claim or stance and take a that-clause ("the claim that …").
CLAIM_NOUNS = frozenset(
    """
    claim assertion statement argument belief view suggestion promise pledge warning
    allegation accusation charge insistence contention fear hope concern assurance
    admission prediction announcement vow threat demand declaration conclusion
    doubt
    """.split()
)
# "doubt" was added with the nouns of cues.nominal.PREP_NOUNS (see there how).

# Verbs whose subject holds the claim noun they take ("she voiced concern that …", "he
# made the charge that …"), read off train [0:600]; with any verb the rule also took "X
# rejected the claim that …" and steered later speakers.
VOICING_VERBS = frozenset("express voice raise make give issue offer repeat reiterate send".split())


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _is_label(tokens: list[Token]) -> bool:
    """Whether the words before a colon name a source: capitalised words
    ("McCain", "WALLACE", "Gen. Ruiz"), possibly with a common noun ("Ruiz camp")."""
    capitalised = [t for t in tokens if t.text[0].isupper()]
    return bool(capitalised) and all(
        t.lower_ not in _NOT_SOURCES and (t.text[0].isupper() or t.pos_ == "NOUN" or _joins_name(t))
        for t in tokens
    )


def _joins_name(token: Token) -> bool:
    """A hyphen inside a name ("Ana Ruiz-Vega") or a possessive ("Ruiz's camp")."""
    if token.lower_ in {"'s", "’s"}:
        return True
    doc = token.doc
    return token.text == "-" and 0 < token.i < len(doc) - 1 and not token.whitespace_


def label_cues(doc: Doc, sents: list[Span], quoted: Callable[[int], bool]) -> list[Cue]:
    """Cues of paragraphs that open with "Name:" (transcripts, headline sources)."""
    text = doc_text(doc)
    cues: list[Cue] = []
    for index, sent in enumerate(sents):
        start = sent.start_char
        if start > 0 and text[start - 1] != "\n":
            continue  # only a paragraph's first sentence can open with a label
        colon = next((t for t in sent[: MAX_LABEL_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or quoted(colon.idx):
            continue
        label = list(doc[sent.start : colon.i])
        if not _is_label(label):
            continue
        names = [t for t in label if t.pos_ in {"PROPN", "NOUN"} or t.text[0].isupper()]
        after = colon.idx + 1
        end = _paragraph_end(text, after)
        body = text[after:end].strip()
        if not names or len(_WORD.findall(body)) < MIN_LABEL_WORDS or body[0] in _QUOTE_MARKS:
            continue
        content = trimmed([t for t in doc if after <= t.idx < end])
        if content is None:
            continue
        cues.append(Cue.on(colon, source=names[-1], content=content, sentence=index, lemma=":"))
    return cues


def claim_noun_cues(sent: Span, index: int, quoted: Callable[[int], bool]) -> list[Cue]:
    """Claim-noun cues of one sentence, outside quote marks (with the
    preposition nouns of ``cues.nominal``)."""
    found = (
        _claim_noun_cue(t, sent, index, quoted)
        for t in sent
        if t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_NOUNS and not quoted(t.idx)
    )
    cues = [c for c in found if c is not None]
    # "his call for …", "questions about …": nouns with a preposition (cues.nominal).
    cues += prep_noun_cues(sent, index, quoted) + survey_cues(sent, index, quoted)
    return [c for c in cues if not quoted(sent.doc[c.source_head].idx)]


def _claim_noun_cue(
    noun: Token, sent: Span, index: int, quoted: Callable[[int], bool]
) -> Cue | None:
    """ "X's claim that …" / "X voiced concern that …": a cue when the noun has
    a holder and a that-clause."""
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    if holder is None and noun.head.lemma_.lower() in VOICING_VERBS:
        holder = noun_holder(noun, quoted)
    if holder is None or not sent.start <= holder.i < sent.end:
        return None
    clause = next(
        (
            c
            for c in noun.rights
            if c.dep_ in {"acl", "ccomp", "relcl"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    content = trimmed(list(clause.subtree), sent)
    if content is None:
        return None
    return Cue.on(noun, source=holder, content=content, sentence=index)
