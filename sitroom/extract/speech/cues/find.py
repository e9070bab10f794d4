"""Attribution cues in a parsed sentence: the verb or phrase, its source and its content.

Three shapes, read off spaCy's dependency parse:

- a speech verb with a subject: "X said (that) …", "…, X said", "said X",
  "X told Y …", "X claimed/estimated …"; the content is the verb's clausal
  complement (``ccomp``), else for verbs that take one, its object;
- "according to X": the source is the object of "to", the content the rest
  of the sentence;
- the passive "it was reported by X (that) …": the source is the agent.

What a verb reports is read by ``content.span.content_of``; cues without a
speech verb ("X: …", "his claim that …") are in ``cues.frames``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.content import CUE_VERBS as _CUE_VERBS
from sitroom.extract.speech.content import WHEN as _WHEN
from sitroom.extract.speech.content import (
    content_of,
    cue_lemma,
    extended,
    orphan_content,
    reported_object,
    run_on,
    trimmed,
    within_pair,
)
from sitroom.extract.speech.cues.constructions import CONSTRUCTION_CUES, construction_content
from sitroom.extract.speech.words import DIRECT_ONLY, STANCE_VERBS
from sitroom.nlp.text import doc_text, span_ents

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CUE_LEMMAS = _CUE_VERBS | frozenset(CONSTRUCTION_CUES)


@dataclass(frozen=True, slots=True)
class Cue:
    """One attribution cue; offsets index ``doc.text``."""

    token: int  # head token of the cue
    start: int
    end: int
    text: str
    lemma: str
    source_head: int  # head token of the source phrase
    content: tuple[int, int] | None  # reported content (indirect speech), if any
    sentence: int  # index of the sentence in doc.sents
    stance: bool = False  # a stance verb (words.STANCE_VERBS), not speech
    sourceless: bool = False  # a passive with no source (cues.extra)

    @classmethod
    def on(
        cls,
        token: Token,
        *,
        source: Token,
        content: tuple[int, int] | None,
        sentence: int,
        lemma: str | None = None,
        stance: bool = False,
    ) -> Cue:
        """A cue that is one token: a verb, a noun, a colon or a preposition."""
        return cls(
            token=token.i,
            start=token.idx,
            end=token.idx + len(token),
            text=token.text,
            lemma=token.lemma_.lower() if lemma is None else lemma,
            source_head=source.i,
            content=content,
            sentence=sentence,
            stance=stance,
        )


def _subject(verb: Token, quoted: Callable[[int], bool]) -> Token | None:
    """The source of a speech verb: its agent, else its first subject outside quotes.

    The parser sometimes hangs a word of the quote on the cue as a second
    subject ("“… Sen. John McCain,” Trump said"), hence the quote check.
    """
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    for child in verb.children:
        # A passive subject ("they are thought to be …") is what is reported,
        # not who reports it; only an agent ("by X") names the source then.
        if child.dep_ in _SUBJECTS and child.dep_ != "nsubjpass" and not quoted(child.idx):
            return child
    # "X said …, adding that …" / "X said and added …": the subject is the head's.
    # In "X said 12 civilians may have died and accused the army …" or "X argued
    # that a database would help, saying …" the parse hangs the second cue on
    # the reported clause: the source is the outer cue's.
    head = verb.head
    if (
        verb.dep_ in {"conj", "advcl"}
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in _CUE_VERBS
    ):
        return _subject(head.head, quoted)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "he began by saying “…”": the subject of the verb the phrase hangs on.
        return _subject(verb.head.head, quoted)
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
        return _subject(verb.head, quoted)
    return None


_NOMINAL = frozenset({"PROPN", "PRON", "NOUN"})


def _adjacent_source(verb: Token, sent: Span, quoted: Callable[[int], bool]) -> Token | None:
    """The word right before (or a name right after) a speech verb the parser left
    without a subject ("“…,” Chief Chuck Jordan said", parsed as a conjunct of
    the quote's verb)."""
    doc = verb.doc
    i = verb.i - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1  # "Odeh, a local official, said": the apposition ends at the comma
    before = doc[i] if i >= sent.start else None
    if before is not None and before.pos_ in _NOMINAL and not quoted(before.idx):
        return before
    last = None
    for token in doc[verb.i + 1 : sent.end]:
        if token.pos_ != "PROPN" or quoted(token.idx) or token.ent_type_ in _WHEN:
            break
        last = token
    return last


# How far back (in tokens) "told" looks for its teller's name: "Ramos, 58,"
# and "Bozell III, founder of the Media Research Center," fit in it.
_TELLER_WINDOW = 10


def _name_before(verb: Token, sent: Span, quoted: Callable[[int], bool]) -> Token | None:
    """The head of the nearest name or pronoun before ``verb`` in its sentence."""
    doc = verb.doc
    for i in range(verb.i - 1, max(sent.start, verb.i - _TELLER_WINDOW) - 1, -1):
        token = doc[i]
        if quoted(token.idx):
            return None
        if token.pos_ in {"PROPN", "PRON"}:
            while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
                token = token.head
            return token
    return None


def _verb_cue(token: Token, sent: Span, index: int, quoted: Callable[[int], bool]) -> Cue | None:
    source = _subject(token, quoted) or _adjacent_source(token, sent, quoted)
    if source is None:
        return None
    if source.i > token.i and token.lemma_.lower() == "tell":
        # "“…,” Ramos, 58, told AFP": after "tell" stands the listener; the
        # parser took it for the subject. The teller is the name before.
        source = _name_before(token, sent, quoted) or source
    if not sent.start <= source.i < sent.end:
        # The parse ran over a paragraph break and took a subject from the paragraph before:
        # the name right before the verb is the source.
        source = _name_before(token, sent, quoted)
        if source is None:
            return None
    lemma = cue_lemma(token)
    stance = lemma in STANCE_VERBS
    if lemma in _CUE_VERBS:
        content = None if lemma in DIRECT_ONLY else content_of(token, sent, source)
        content = content or reported_object(token, lemma, sent, source)
        content = content or orphan_content(token, lemma, sent)
    else:  # a cue only in some constructions (cues.constructions)
        stance, content = True, construction_content(token, sent, source)
    if content is not None:
        content = extended(content, token, source, sent)
        content = run_on(within_pair(content, doc_text(sent.doc), token.idx), sent)
    if stance and content is None:
        return None  # a stance verb is a cue only with what it is about
    return Cue.on(token, source=source, content=content, sentence=index, lemma=lemma, stance=stance)


def _according_cue(token: Token, sent: Span, index: int) -> Cue | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
    rest = [t for t in sent if t.i not in phrase]
    return Cue(
        token=token.i,
        start=token.idx,
        end=to.idx + len(to),
        text=token.doc[token.i : to.i + 1].text,
        lemma="according to",
        source_head=objs[0].i,
        content=trimmed(rest),
        sentence=index,
    )


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, cut again at line breaks: a paragraph never ends mid-sentence
    in news copy, but the parser sometimes runs a sentence over a paragraph break."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text and token.i + 1 < sent.end:
                if token.i + 1 > start:
                    out.append(doc[start : token.i + 1])
                start = token.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return out


def find_cues(sent: Span, index: int, quoted: Callable[[int], bool]) -> list[Cue]:
    """Cues of one sentence; ``quoted(offset)`` says whether a character is inside a quote."""
    cues: list[Cue] = []
    for token in sent:
        if quoted(token.idx):
            continue
        cue: Cue | None = None
        if token.lower_ == "according":
            cue = _according_cue(token, sent, index)
        elif token.pos_ in {"VERB", "AUX"} and cue_lemma(token) in _CUE_LEMMAS:
            cue = _verb_cue(token, sent, index, quoted)
        if cue is not None and not quoted(token.doc[cue.source_head].idx):
            cues.append(cue)
    return cues


_COLON_SOURCES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def colon_cue(frame: Span, index: int) -> Cue | None:
    """The source of a quote introduced by a colon with no speech verb.

    ``frame`` runs from the start of the sentence to the colon ("Pew Research:",
    "Here’s Clinton in December 1992:", "From the report:"). The source is its
    last named person or organization, else its last noun.
    """
    colon = frame[-1]
    names = [e for e in span_ents(frame) if e.label_ in _COLON_SOURCES and e.end <= colon.i]
    if names:
        head = names[-1].root
    else:
        nouns = [t for t in frame if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.i < colon.i]
        if not nouns:
            return None
        head = nouns[-1]
    return Cue.on(colon, source=head, content=None, sentence=index, lemma=":")


_DASHES = "―—–-"


def dash_cue(doc: Doc, after: int, index: int) -> Cue | None:
    """A name after a dash that closes a quote ("“…” ― Jorge Falcon").

    ``after`` is the offset right after the closing mark; the name must end the
    paragraph or sentence, so a dash that opens an aside is not taken.
    """
    text = doc_text(doc)
    i = after
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    if i >= len(text) or text[i] not in _DASHES:
        return None
    dash = doc.char_span(i, i + 1, alignment_mode="expand")
    if dash is None:
        return None
    names: list[Token] = []
    for token in doc[dash.end : len(doc)]:
        if token.is_space and not names and "\n" not in token.text:
            continue  # "―\u00a0Jorge Falcon": a no-break space is its own token
        # Inside a name the tagger may miss an initial ("Maria B. Lopez": "B." as NOUN).
        in_name = token.pos_ == "PROPN" or (names and token.is_title and token.text[0].isalpha())
        if not in_name and not (names and token.text == "."):
            break
        if in_name:
            names.append(token)
    if not names:
        return None
    end = names[-1].i + 1
    if end < len(doc) and not (doc[end].is_space or doc[end].is_punct):
        return None
    return Cue(
        token=dash.start,
        start=dash.start_char,
        end=dash.end_char,
        text=dash.text,
        lemma="―",
        source_head=names[-1].i,
        content=None,
        sentence=index,
    )
