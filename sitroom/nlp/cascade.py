"""The sentence cascade: the tagger and parser run only where the extractors read them.

The event, quote and attribution extractors read the dependency parse of sentences
that hold an event trigger, a speech or stance cue, or a quote mark or colon (the cue
words of ``sitroom/triage/cues.tsv``, a superset of the extractors' own trigger and
cue lemmas: tests/test_cascade.py checks it). Every other sentence keeps its tokens
and named entities (places, actors and speakers can be anywhere) and gets a flat
tree: its first token is the root and every other token hangs on it with the label
``dep``, so ``doc.sents`` still splits there and no extractor rule finds a subject,
object or clause in it.

Sentences are found without the parser: a sentence ends at ``.``, ``!`` or ``?``
(and the closing marks after it) or at a blank line. Runs of neighbouring sentences
that need the parser are parsed together as one piece, so the parser sets the
sentence boundaries inside them as it would on the whole text. The tokens, the text
and so every character offset are those of the whole document.

Switched by the ``nlp_cascade`` setting (docs/settings.md); off, ``nlp.pipe`` runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from sitroom.settings import get_settings, is_on
from sitroom.triage.lexicon import load_lexicon

# The components that need the parse-worthy sentences only; every other one
# (the entity ruler, the NER, which has its own tok2vec in the sm model) runs on
# the whole document.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
_COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
_ENDS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
# Titles and initials are at most this long ("Capt", "Sgt", "Gen", "B"); a longer
# capitalised word before a full stop ends a sentence ("... in Syria.").
_ABBREVIATION_CHARS = 4
# Documents per component batch, as nlp.pipe's default for the sm model.
CASCADE_BATCH = 64


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of sentences found without the parser (end exclusive)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        end = None
        if (token.text in _ENDS and not _abbreviation(doc, i)) or _paragraph_break(token):
            end = i + 1
            # A mark glued to the full stop closes the sentence ('killed."'); after a
            # space a straight mark opens the next one.
            while end < n and (
                doc[end].is_space or (doc[end].text in _CLOSERS and not doc[end - 1].whitespace_)
            ):
                end += 1
        if end is not None:
            bounds.append((start, end))
            start = i = end
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


def _paragraph_break(token: Token) -> bool:
    """A blank line ends a sentence; a single line break need not: text wrapped at a
    fixed width (wire copy, MUC-4, plain-text releases) breaks lines mid-sentence ("a
    group of\nunidentified individuals"), and a piece cut there loses its subject. A
    heading on its own line without a blank one is parsed with the sentence after it,
    as the full parse sees it."""
    return token.is_space and token.text.count("\n") >= 2


def _abbreviation(doc: Doc, i: int) -> bool:
    """A full stop after a short capitalised word ("Lt.", "Gen.", "B.") ends no sentence.

    A name cut there would leave its head outside the parsed piece ("said Lt." / "Gen.
    Sean B. MacFarland"); keeping a real sentence end together costs only parse time.
    """
    if i == 0 or doc[i - 1].whitespace_:
        return False
    word = doc[i - 1].text
    return word.isalpha() and word[0].isupper() and len(word) <= _ABBREVIATION_CHARS


def needs_parse(text: str) -> bool:
    """Whether a sentence holds an event trigger, a speech cue, a quote mark or a colon."""
    return load_lexicon().any_cue.search(text.lower()) is not None


def plan_runs(doc: Doc) -> list[tuple[int, int, bool]]:
    """The document as runs of sentences: (start, end, parse?), neighbours merged."""
    bounds = sentence_bounds(doc)
    wanted = [needs_parse(doc[start:end].text) for start, end in bounds]
    # The sentence before a cue is parsed too: speakers and pronouns ("he said") are
    # resolved from the subject of the sentence before.
    wanted = [w or (i + 1 < len(wanted) and wanted[i + 1]) for i, w in enumerate(wanted)]
    runs: list[tuple[int, int, bool]] = []
    for (start, end), parse in zip(bounds, wanted, strict=True):
        if parse and runs and runs[-1][2]:
            runs[-1] = (runs[-1][0], end, True)
        else:
            runs.append((start, end, parse))
    return runs


def _flat(length: int, dep: int, root: int) -> numpy.ndarray:
    """Columns of _COPIED for a sentence left unparsed: a flat tree under its first token."""
    rows = numpy.zeros((length, len(_COPIED)), dtype="uint64")
    rows[:, 4] = dep
    rows[0, 4] = root
    heads = -numpy.arange(length, dtype="int64")
    rows[:, 5] = heads.astype("uint64")
    return rows


def _cascade_batch(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    parse_names = [n for n in nlp.pipe_names if n in PARSE_COMPONENTS]
    other_names = [n for n in nlp.pipe_names if n not in PARSE_COMPONENTS]
    docs = [nlp.make_doc(text) for text in texts]
    plans = [plan_runs(doc) for doc in docs]
    pieces = [
        doc[s:e].as_doc() for doc, plan in zip(docs, plans, strict=True) for s, e, p in plan if p
    ]
    parsed = iter(nlp.pipe(pieces, batch_size=CASCADE_BATCH, disable=other_names))
    dep = nlp.vocab.strings.add("dep")
    root = nlp.vocab.strings.add("ROOT")
    for doc, plan in zip(docs, plans, strict=True):
        if not len(doc):
            continue
        columns = numpy.zeros((len(doc), len(_COPIED)), dtype="uint64")
        for start, end, parse in plan:
            if parse:
                columns[start:end] = next(parsed).to_array(_COPIED)
            else:
                for s, e in sentence_bounds(doc[start:end].as_doc()):
                    columns[start + s : start + e] = _flat(e - s, dep, root)
        doc.from_array(_COPIED, columns)  # type: ignore[arg-type]
    return list(nlp.pipe(docs, batch_size=CASCADE_BATCH, disable=parse_names))


def parse_texts(nlp: Language, texts: Sequence[str], *, cascade: bool = False) -> Iterator[Doc]:
    """Docs for ``texts`` in order: ``nlp.pipe``, or the cascade when ``cascade``."""
    if not cascade:
        return iter(nlp.pipe(texts))
    return iter(_cascade_batch(nlp, texts))


def parse_stream(
    nlp: Language, texts: Iterable[str], *, cascade: bool, batch_size: int = CASCADE_BATCH
) -> Iterator[Doc]:
    """``parse_texts`` over a stream, ``batch_size`` texts at a time."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from parse_texts(nlp, batch, cascade=cascade)
            batch = []
    if batch:
        yield from parse_texts(nlp, batch, cascade=cascade)


def pipe_as_configured(
    nlp: Language, texts: Iterable[str], *, batch_size: int, disable: Sequence[str] = ()
) -> Iterator[Doc]:
    """``nlp.pipe``, or the cascade when the ``nlp_cascade`` setting is on (for evaluations).

    A caller that disables components (a light pass without parser or NER) gets
    ``nlp.pipe`` either way.
    """
    if disable or not is_on(get_settings().nlp_cascade):
        return iter(nlp.pipe(texts, batch_size=batch_size, disable=list(disable)))
    return parse_stream(nlp, texts, cascade=True, batch_size=batch_size)
