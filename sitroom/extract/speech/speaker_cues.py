"""Cues the parse-based finder misses, read off the words around a direct quote.

``trailing_cue`` looks right after a quote that ends in a comma, "?" or "!"
(the punctuation of a quote framed by its attribution) for the two shapes news
copy uses there:

- "“…,” Morales remarked", "“…,” she went on", "“…!” Murphy, the head of the
  group, tweeted", "“…,” Okafor is quoted as saying": a short noun phrase, then
  a speech verb;
- "“…,” added a Texas Democrat": a speech verb, then the noun phrase.

The parser often tags such a verb wrongly (a capitalised "Tweeted" as a proper
noun, "states" as a plural noun) or hangs the source on it as an object, so
the words are read in order rather than off the tree.

``leading_cue`` takes the verb right before "…, “" or "…: “" ("he wanted to
know, “…”"). ``previous_cue`` gives a quote that opens its sentence with no cue
of its own the last cue of the sentence before it in the same paragraph ("The
plan is bold, the board writes. “It is a sign …”"); ``subject_cue`` gives one
inside a sentence the subject of the verb it hangs on ("Moore thanked him for
“…”"). ``nearest_subject`` mends the parse's source of a cue (a label or a date
taken for the subject). Cue-less quotes had no speaker at all before, so these
can only add right speakers; which quotes are kept does not change.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.cues import Cue
from sitroom.extract.speech.marks import MarkedSpan
from sitroom.extract.speech.referents import source_word
from sitroom.extract.speech.speakers import Resolved, SourceTracker, mention_of
from sitroom.extract.speech.words import SPEECH_VERBS
from sitroom.nlp.text import doc_text

# Verbs that introduce only a direct quote, beyond the shared speech verbs.
_DIRECT_VERBS = SPEECH_VERBS | frozenset(
    "remark go chime begin finish recount offer laugh sigh wonder reason summarize "
    "summarise tweet write state read quote".split()
)
# A quote framed by its attribution ends in one of these inside the marks.
_FRAMED_END = frozenset(",?!—–-")
# Longest source phrase before the verb ("the head of the group's spokesman"):
# longer runs are a sentence of their own, not an attribution. On PolNeAR
# train[0:400], 8 gave 1564 right speakers and 12 gave 1563 (dev equal).
_MAX_SOURCE_TOKENS = 8
_PERSON_WORDS = frozenset({"PROPN", "NOUN", "PRON"})
_NOT_SOURCE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"})


def _verb_lemma(token: Token) -> str:
    """Lemma of a would-be verb, mended when the tagger took it for a noun."""
    low = token.lower_
    if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() != low:
        return token.lemma_.lower()
    for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("s", ""), ("es", "")):
        if low.endswith(suffix) and low[: -len(suffix)] + repl in _DIRECT_VERBS:
            return low[: -len(suffix)] + repl
    return low


def _is_verb(token: Token) -> bool:
    if token.pos_ in {"VERB", "AUX"}:
        return _verb_lemma(token) in _DIRECT_VERBS or token.lemma_ == "be"
    return token.pos_ in {"NOUN", "PROPN"} and token.lower_ != _verb_lemma(token)


def _head_of(tokens: list[Token]) -> Token | None:
    """The word of a noun phrase its other words hang on (the last noun as a fallback)."""
    ids = {t.i for t in tokens}
    nouns = [t for t in tokens if t.pos_ in _PERSON_WORDS and t.ent_type_ not in _NOT_SOURCE]
    if not nouns:
        return None
    roots = [t for t in nouns if t.head.i not in ids or t.head.i == t.i]
    return roots[0] if roots else nouns[-1]


def _cue(verb: Token, source: Token, index: int) -> Cue:
    return Cue.on(verb, source=source, content=None, sentence=index, lemma=_verb_lemma(verb))


def _window(doc: Doc, after: int) -> list[Token]:
    """Tokens after a closing mark up to the end of the clause that frames it."""
    out: list[Token] = []
    for token in doc:
        if token.idx < after:
            continue
        if "\n" in token.text or token.text in {".", ";", ":", "“", "”", '"'}:
            break
        if token.is_space or (not out and token.text == ","):
            continue
        out.append(token)
        if len(out) > _MAX_SOURCE_TOKENS + 4:
            break
    return out


def trailing_cue(doc: Doc, span: MarkedSpan, index: int) -> Cue | None:
    """The attribution right after a framed quote, when the parse found none."""
    text = doc_text(doc)
    inner = text[span.open_mark + 1 : span.close_mark].rstrip()
    after = text[span.close_mark + 1 : span.close_mark + 2]
    if not inner or (inner[-1] not in _FRAMED_END and after != ","):
        return None
    words = _window(doc, span.close_mark + 1)
    if not words:
        return None
    if _is_verb(words[0]) and _verb_lemma(words[0]) in _DIRECT_VERBS:
        # "added a Texas Democrat": the phrase runs to the next comma.
        phrase: list[Token] = []
        for token in words[1:]:
            if token.text == "," or (phrase and token.pos_ in {"VERB", "ADP"}):
                break
            phrase.append(token)
        head = _head_of(phrase)
        return _cue(words[0], head, index) if head is not None else None
    for k, token in enumerate(words):
        if k == 0 or k > _MAX_SOURCE_TOKENS or not _is_verb(token):
            continue
        verbs = [t for t in words[k : k + 4] if _verb_lemma(t) in _DIRECT_VERBS]
        if not verbs or (token.lemma_ == "be" and verbs[0].lemma_ != "quote"):
            return None
        # "Murphy, the head of the group, tweeted": the name before the aside.
        before = words[:k]
        comma = next((j for j, t in enumerate(before) if t.text == ","), None)
        head = _head_of(before[:comma] if comma else before)
        return _cue(verbs[0], head, index) if head is not None else None
    return None


def leading_cue(
    doc: Doc, span: MarkedSpan, index: int, quoted: Callable[[int], bool]
) -> Cue | None:
    """A verb right before a quote and a comma or colon ("he wanted to know, “…”").

    Whatever the verb, the quote is what its subject says; the subject is looked
    for up the verbs it hangs on ("wanted to know": the subject of "wanted").
    """
    text = doc_text(doc)
    before = text[: span.open_mark].rstrip()
    if not before.endswith((",", ":")) or "\n" in text[len(before) : span.open_mark]:
        return None
    mark = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if mark is None or mark.start == 0:
        return None
    verb = doc[mark.start - 1]
    if verb.pos_ != "VERB" or quoted(verb.idx):
        return None
    subject = _ancestor_subject(verb, quoted)
    return _cue(verb, doc[subject], index) if subject is not None else None


def add_trailing_cue(
    doc: Doc, span: MarkedSpan, index: int, cues: list[Cue], quoted: Callable[[int], bool]
) -> Cue | None:
    """``trailing_cue``, else ``leading_cue``, entered in ``cues`` unless the
    parse's cue on the same verb reports something else too (that reading stands)."""
    cue = trailing_cue(doc, span, index) or leading_cue(doc, span, index, quoted)
    if cue is None:
        return None
    same = [c for c in cues if c.token == cue.token]
    # A stance cue ("wanted to know") never cues a quote: this reading replaces it.
    if any(c.content is not None and not c.stance for c in same):
        return None
    # The parse's reading found no content and often a source past an aside
    # ("Murphy, the head of the group, tweeted"): this reading replaces it.
    cues[:] = [c for c in cues if c not in same] + [cue]
    return cue


def previous_cue(
    text: str, sents: list[Span], first: int, span: MarkedSpan, cues: list[Cue]
) -> Cue | None:
    """A speech cue ending the sentence right before a quote that opens its own."""
    if first < 1 or text[sents[first].start_char : span.open_mark].strip():
        return None
    prev = sents[first - 1]
    if "\n" in text[prev.end_char : span.open_mark]:
        return None
    found = [c for c in cues if c.sentence == first - 1 and not c.stance]
    return max(found, key=lambda c: c.start) if found else None


def subject_cue(doc: Doc, sent: Span, index: int, span: MarkedSpan) -> Cue | None:
    """The subject of the verb a quote inside the sentence hangs on, as its source.

    In "Moore thanked him for “stepping up …”" or "The ad targets a “corrupt
    system …”" no speech verb frames the quote, but the words are the subject's.
    """
    inside = [t for t in sent if span.start <= t.idx < span.end]
    if not inside:
        return None
    verb: Token | None = inside[0]
    while verb is not None and not (verb.pos_ in {"VERB", "AUX"} and verb.idx < span.open_mark):
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None:
        return None
    subjects = [
        c
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass"} and c.idx < span.open_mark and c.pos_ in _PERSON_WORDS
    ]
    if not subjects or subjects[0].ent_type_ in _NOT_SOURCE:
        return None
    return _cue(verb, subjects[0], index)


def nearest_subject(doc: Doc, cue: Cue, quoted: Callable[[int], bool]) -> int:
    """The cue's source word, or the subject nearer its verb when the parse gave two.

    In "His final assessment: “…,” he said" the label before the quote is hung
    on "said" as a second subject; the speaker is the one next to the verb.
    """
    verb = doc[cue.token]
    if doc[cue.source_head].ent_type_ in _NOT_SOURCE:
        # "X seemed unmoved Tuesday, telling reporters “…”": a date is never the
        # speaker; the subject of a verb the cue hangs on is.
        return _ancestor_subject(verb, quoted) or cue.source_head
    issuer = _issuer(doc[cue.source_head], quoted)
    if issuer is not None:
        return issuer
    cited = _cited(verb, quoted)
    if cited is not None:
        return cited
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"} and not quoted(c.idx)]
    if len(subjects) < 2 or cue.source_head not in {s.i for s in subjects}:
        return cue.source_head
    return min(subjects, key=lambda s: abs(s.i - verb.i)).i


# Nouns for a message a source puts out; "X issued a statement saying “…”" quotes X.
# Chosen by hand from the speaker errors on PolNeAR train [0:600] (a statement, a press
# release, an ad as the speaker), widened to their near kin.
_MESSAGES = frozenset("statement release ad advertisement letter memo email video".split())


def _issuer(source: Token, quoted: Callable[[int], bool]) -> int | None:
    """The subject of the verb whose object is a message noun the cue hangs on."""
    if source.lemma_.lower() not in _MESSAGES or source.dep_ != "dobj":
        return None
    subjects = [c for c in source.head.children if c.dep_ == "nsubj" and not quoted(c.idx)]
    return subjects[0].i if subjects else None


def _cited(verb: Token, quoted: Callable[[int], bool]) -> int | None:
    """Y in "X quotes Y as saying “…”" (or cites, describes, recalls): the words are Y's."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    objects = [c for c in prep.head.children if c.dep_ == "dobj" and not quoted(c.idx)]
    return objects[0].i if objects else None


def _ancestor_subject(verb: Token, quoted: Callable[[int], bool]) -> int | None:
    for _ in range(4):
        for child in verb.children:
            if (
                child.dep_ == "nsubj"
                and child.pos_ in _PERSON_WORDS
                and child.ent_type_ not in _NOT_SOURCE
                and not quoted(child.idx)
            ):
                return child.i
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def resolve_cue(
    tracker: SourceTracker, cue: Cue
) -> tuple[Resolved | None, tuple[int, int, str] | None, Cue]:
    """The source of a cue the reading-order walk skipped (it attributes nothing itself)."""
    word = source_word(tracker.doc[cue.source_head])
    if word is None:
        return None, None, cue
    mention = mention_of(word, tracker.ents)
    return tracker.resolve(mention), (mention.start, mention.end, mention.text), cue
