"""How each quoted span gets its speaker: which cue, or whose speaker it inherits.

``plan_quotes`` decides, for each marked span, whether it is a direct quote at
all (partial and scare quotes are not), and then where its speaker comes from:
a cue in its sentence, the next sentence, a colon or a dash; the quote before
it in the paragraph; or the last source of the text. ``quotes.extract_quotes``
resolves the speakers in reading order. The decisions are listed in the
docstring of ``sitroom.extract.speech.quotes``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitroom.extract.speech import speaker_cues as sc
from sitroom.extract.speech.cues import Cue, colon_cue, dash_cue, sentences
from sitroom.extract.speech.marks import MarkedSpan
from sitroom.nlp.text import doc_text

# A quote with no cue and no speaker to inherit is kept only from this many
# words on: shorter ones are titles and slogans. On PolNeAR train (150
# articles) direct-quote overlap F1 is flat from 3 to 6 words (0.837 vs 0.835)
# and drops at 12 (0.829); 6 is the end of the flat stretch that drops most titles.
MIN_FREE_QUOTE_TOKENS = 6
# Below this share of its sentence (cue clause and source left out) a quoted
# fragment is a partial or scare quote. On PolNeAR train (150 articles)
# direct-quote overlap F1 was 0.826 at 0.25, 0.835 at 0.35 and 0.827 at 0.5.
PARTIAL_SHARE = 0.35
# A quote that fills at least this share of its cue's reported content ("she
# said it was “a mistake”", "accused him of “fanatic recklessness”") is direct
# even when short beside its sentence: PolNeAR's own test (marks cover half the
# content). On PolNeAR train (250 articles) overlap F1 was 0.8661 at 0.35,
# 0.8704 at 0.5 and 0.8686 at 0.65 (0.8661 without the rule).
CONTENT_SHARE = 0.5
# A cue in the sentence after a quote counts within this many tokens of its
# start ("he tweeted", "said Mr. Smith, the …"): news copy puts it first.
_NEXT_CUE = 4


@dataclass(frozen=True, slots=True)
class Plan:
    """How one marked span gets its speaker."""

    span: MarkedSpan
    cue: Cue | None
    inherit: str | None  # "paragraph" | "previous" | None
    # A cue ending the sentence before, whose speaker a cue-less quote takes.
    source: Cue | None = None


class Quoted:
    """Fast lookup of whether an offset lies inside a marked span (marks included)."""

    def __init__(self, spans: tuple[MarkedSpan, ...]) -> None:
        self._starts = [s.open_mark for s in spans]
        self._ends = [s.close_mark + 1 for s in spans]

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _only_quotes(text: str, span: MarkedSpan, spans: tuple[MarkedSpan, ...]) -> bool:
    """Whether the paragraph that opens ``span`` holds nothing outside quote marks."""
    p_start, p_end = _paragraph_bounds(text, span.open_mark)
    outside = list(text[p_start:p_end])
    for other in spans:
        lo, hi = max(other.open_mark, p_start), min(other.close_mark + 1, p_end)
        for i in range(lo, hi):
            outside[i - p_start] = " "
    return not "".join(outside).strip(" \t.,;:—–-")


def _outside_words(
    doc: Doc,
    sents: list[Span],
    first: int,
    last: int,
    quoted: Quoted,
    cue: Cue | None,
    span: MarkedSpan,
) -> int:
    """Words of the sentences around a quote that are neither quoted nor the cue and source.

    When the quote is what the cue reports (inside its content), the whole cue
    clause ("Risch told The Spokesman-Review on Monday") is attribution frame,
    not running text.
    """
    skip: set[int] = set()
    if cue is not None:
        skip = {cue.token} | {t.i for t in doc[cue.source_head].subtree}
        if cue.content is not None and cue.content[0] <= span.start and span.end <= cue.content[1]:
            c_start, c_end = cue.content
            skip |= {t.i for t in doc[cue.token].subtree if not c_start <= t.idx < c_end}
    return sum(
        1
        for sent in sents[first : last + 1]
        for t in sent
        if not (t.is_punct or t.is_space or t.i in skip or quoted(t.idx))
    )


def _nearest(cues: list[Cue], span: MarkedSpan) -> Cue | None:
    # A stance verb ("she wants …") does not introduce a verbatim quote: on
    # PolNeAR train, letting it do so when the quote is its content was neutral.
    cues = [c for c in cues if not c.stance]
    if not cues:
        return None
    return min(
        cues, key=lambda c: min(abs(c.start - span.open_mark), abs(c.start - span.close_mark))
    )


def _trailing(cues: list[Cue], span: MarkedSpan) -> Cue | None:
    """The first non-stance cue after a quote's closing mark, in the same sentence."""
    after = [c for c in cues if c.start > span.close_mark and not c.stance]
    return min(after, key=lambda c: c.start) if after else None


def _colon(
    doc: Doc,
    sents: list[Span],
    sent_starts: list[int],
    span: MarkedSpan,
    cues: list[Cue],
    text: str,
) -> Cue | None:
    offset = len(text[: span.open_mark].rstrip()) - 1
    index = bisect_right(sent_starts, offset) - 1
    found = [c for c in cues if c.sentence == index and c.start < offset and not c.stance]
    if found:
        return found[-1]
    sent = sents[index]
    colon = next((t for t in sent if t.idx == offset), None)
    if colon is None:
        return None
    return colon_cue(doc[sent.start : colon.i + 1], index)


def _inside(content: tuple[int, int] | None, span: MarkedSpan) -> bool:
    """Whether a quote lies in a cue's content (which may stop short of the marks)."""
    if content is None:
        return False
    return content[0] <= span.open_mark + 1 and span.close_mark - 1 <= content[1]


def _content_share(text: str, cue: Cue | None, span: MarkedSpan, words: int) -> float | None:
    """Share of the cue's reported content that the quote fills, when it lies inside it."""
    if cue is None or cue.content is None or not _inside(cue.content, span):
        return None
    c_start, c_end = cue.content
    total = len(text[c_start:c_end].split())
    return words / total if total else None


def plan_quotes(
    doc: Doc, spans: tuple[MarkedSpan, ...], cues: list[Cue], quoted: Quoted
) -> list[Plan]:
    text = doc_text(doc)
    sents = sentences(doc)
    sent_starts = [s.start_char for s in sents]
    plans: list[Plan] = []
    for span in spans:
        first = bisect_right(sent_starts, span.open_mark) - 1
        last = bisect_right(sent_starts, span.close_mark) - 1
        words = len(text[span.start : span.end].split())
        p_start = _paragraph_bounds(text, span.open_mark)[0]
        follows = (
            bool(plans)
            and plans[-1].span.open_mark >= p_start
            and (plans[-1].cue is not None or plans[-1].inherit is not None)
        )
        if span.part > 0 and plans and plans[-1].span.close_mark < span.open_mark:
            # A paragraph a quote runs on into: same speaker as its first paragraph, unless
            # a cue of its own follows it ("…,” he added).
            own = _trailing([c for c in cues if c.sentence == last], span)
            plans.append(Plan(span, own, None) if own else Plan(span, None, "previous"))
            continue
        cue = _nearest([c for c in cues if first <= c.sentence <= last], span)
        if cue is None:
            cue = dash_cue(doc, span.close_mark + 1, last)
            if cue is not None:
                cues.append(cue)
        nxt = last + 1
        gap = text[span.close_mark + 1 : sent_starts[nxt]] if nxt < len(sents) else "\n"
        if cue is None and not follows and not gap.strip(" \t"):
            # The parser often ends a sentence at '!”' or '?”'; the cue ("he
            # tweeted") then opens the next one. It counts only within the next
            # sentence's first few tokens, whose own claims stay its own.
            cue = _nearest(
                [c for c in cues if c.sentence == nxt and c.token - sents[nxt].start < _NEXT_CUE],
                span,
            )
        if cue is None and not follows and text[: span.open_mark].rstrip().endswith(":"):
            # "X said:" ends the sentence before the quote; or a bare "X:" does.
            cue = _colon(doc, sents, sent_starts, span, cues, text)
            if cue is not None:
                cues.append(cue)
        outside = _outside_words(doc, sents, first, last, quoted, cue, span)
        share = _content_share(text, cue, span, words)
        if (share is None or share < CONTENT_SHARE) and words < PARTIAL_SHARE * (words + outside):
            continue  # a partial or scare quote inside running text
        if cue is None:  # only now, so that which quotes are kept does not change
            cue = sc.add_trailing_cue(doc, span, last, cues, quoted)
        if cue is not None:
            plans.append(Plan(span, cue, None))
        elif follows:
            plans.append(Plan(span, None, "previous"))
        elif _only_quotes(text, span, spans) and p_start > 0:
            plans.append(Plan(span, None, "paragraph"))
        elif words >= MIN_FREE_QUOTE_TOKENS:
            source = sc.previous_cue(text, sents, first, span, cues) or sc.subject_cue(
                doc, sents[first], first, span
            )
            plans.append(Plan(span, None, None, source))
    return plans


# What may stand between two quoted fragments that read as one quotation
# ("a “liar” and a “whiner”", "“pathetic” or “dangerous”", "“…” “…”").
_JOINERS = frozenset({"", ",", "and", "or", ", and", ", or", "and a", "and an", "or a"})


def join_fragments(text: str, spans: tuple[MarkedSpan, ...]) -> tuple[MarkedSpan, ...]:
    """Merge quoted fragments joined only by "and"/"or"/a comma into one span.

    PolNeAR gold takes such a run as one direct quote (its marks cover most of the
    content), and each fragment alone is too short to pass ``PARTIAL_SHARE``. On PolNeAR
    train (250 articles) 43 of 204 missed gold quotes hold inner marks; most joined runs
    still fail the share tests, but joining them is right for the reader.
    """
    out: list[MarkedSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and span.part == 0 and prev.part == 0:
            gap = text[prev.close_mark + 1 : span.open_mark]
            if "\n" not in gap and " ".join(gap.split()) in _JOINERS:
                out[-1] = MarkedSpan(prev.start, span.end, prev.open_mark, span.close_mark)
                continue
        out.append(span)
    return tuple(out)
