"""``sitroom eval quotes``: quotes, speakers and attributions on PolNeAR.

Gold (``../shared/benchmarks/polnear``, brat standoff): each attribution links
Source, Cue and Content spans (possibly in several fragments). Where an article
has several annotators, the first annotator id in sorted order is used, so the
gold is one consistent reading.

- A **gold direct quote** is a content fragment that is mostly verbatim: from
  its first to its last double quote mark covers at least half of the
  fragment. Its span is the text between those marks. A split quote (two
  fragments) is two gold quotes, as in our output.
- **Exact**: same span after trimming spaces, marks and edge punctuation.
  **Overlap**: shared word tokens are at least half of the longer span.
  Matching is one-to-one, greedy by overlap.
- **Speaker accuracy**: over gold direct quotes matched by overlap and having a
  gold source, the share whose predicted speaker mention overlaps the gold
  source span, or whose resolved name shares its last word with the gold
  source text (the gold marks one mention of the speaker, often a pronoun).
- **Indirect** attributions are the gold attributions with no direct-quote
  fragment. Our indirect Quotes give content, cue and speaker spans. Content
  matches at 50% overlap; source and cue spans match on any shared token.

The anchor is textacy's ``direct_quotations`` on the same spaCy docs in the
same run (imported lazily; rows say "unavailable" when it is not installed).
textacy has no reported-speech extractor, so on the indirect rows its direct
quotations are scored as they stand.
"""

from __future__ import annotations

import importlib
import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from sitroom.eval.report import EvalReport, EvalRow, benchmark_path
from sitroom.extract import extract_quotes
from sitroom.nlp import get_nlp
from sitroom.nlp.cascade import pipe_as_configured

Spans = tuple[tuple[int, int], ...]
_MARKS = '"“”'
_EDGE = " \t\n\"“”,;:.'‘’"
# Batch size for nlp.pipe: articles are ~800 words; 16 keeps memory small on 2 cores.
BATCH_SIZE = 16
OVERLAP = 0.5  # the "≥ 50% token overlap"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    source: Spans
    cue: Spans
    content: Spans
    direct: Spans  # the direct-quote fragments of the content (marks excluded)


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    gold: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """One system output in a shape both systems share."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    speaker: str | None
    direct: bool


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _direct_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    marks = [i for i in range(start, end) if text[i] in _MARKS]
    if not marks:
        return None
    if len(marks) == 1:
        lo, hi = (marks[0] + 1, end) if marks[0] - start < end - marks[0] else (start, marks[0])
    else:
        lo, hi = marks[0] + 1, marks[-1]
    lo, hi = _trim(text, lo, hi)
    frag = _trim(text, start, end)
    if hi <= lo or (hi - lo) < OVERLAP * (frag[1] - frag[0]):
        return None
    return lo, hi


def _merge(text: str, frags: list[tuple[int, int]]) -> Spans:
    """Join fragments separated only by whitespace: the annotation tool cuts a
    contiguous selection at sentence breaks, which is not a discontinuity."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(frags):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _parse_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[str, Spans]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in (o.split() for o in offsets.split(";"))]
            spans[parts[0]] = (kind, _merge(text, frags))
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(kv.split(":", 1) for kv in parts[1].split()))
    gold = []
    for link in links:

        def get(role: str, link: dict[str, str] = link) -> Spans:
            key = link.get(role)
            return spans[key][1] if key in spans else ()

        content = get("Content")
        if not content:
            continue
        direct = tuple(d for a, b in content if (d := _direct_part(text, a, b)) is not None)
        gold.append(GoldAttribution(get("Source"), get("Cue"), content, direct))
    return tuple(gold)


def load_polnear(split: str, limit: int | None = None) -> list[Article]:
    """Articles of one PolNeAR split with their (first annotator's) gold attributions."""
    base = benchmark_path("polnear", "data", split)
    articles = []
    for txt in sorted((base / "text").glob("*.txt"))[:limit]:
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append(Article(txt.stem, text, _parse_ann(anns[0], text)))
    return articles


class _Tokens:
    """Word tokens of a text, to measure span overlap in tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(re.finditer(r"\w+", text))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]

    def text_of(self, spans: Spans) -> str:
        return " ".join(self.text[a:b] for a, b in spans)

    def of(self, span: tuple[int, int]) -> set[int]:
        lo = bisect_right(self.ends, span[0])
        hi = bisect_left(self.starts, span[1])
        return set(range(lo, hi))


def _match(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], toks: _Tokens, threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs whose overlap ratio meets ``threshold``."""
    scored = []
    for gi, g in enumerate(gold):
        gt = toks.of(g)
        for pi, p in enumerate(pred):
            pt = toks.of(p)
            shared = len(gt & pt)
            if not shared:
                continue
            ratio = shared / max(len(gt), len(pt))
            if ratio >= threshold or (threshold == 0.0):
                scored.append((ratio, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(scored, reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def add(self, tp: int, n_gold: int, n_pred: int) -> None:
        self.tp += tp
        self.n_gold += n_gold
        self.n_pred += n_pred

    def f1(self) -> float:
        if not self.tp:
            return 0.0
        p, r = self.tp / self.n_pred, self.tp / self.n_gold
        return 2 * p * r / (p + r)


@dataclass(slots=True)
class _Scores:
    exact: _Tally
    overlap: _Tally
    speaker_ok: int
    speaker_n: int  # matched gold quotes with a gold source
    speaker_gold: int  # all gold quotes with a gold source
    common_ok: int  # right speakers on the gold quotes both systems matched
    common_n: int
    source: _Tally
    cue: _Tally
    content: _Tally
    errors: Counter[str]


def _new_scores() -> _Scores:
    return _Scores(_Tally(), _Tally(), 0, 0, 0, 0, 0, _Tally(), _Tally(), _Tally(), Counter())


def _speaker_ok(text: str, gold_source: Spans, pred: Predicted, toks: _Tokens) -> bool:
    gold_tokens = set().union(*(toks.of(s) for s in gold_source))
    if pred.source is not None and gold_tokens & toks.of(pred.source):
        return True
    if pred.speaker:
        words = {text[a:b].lower() for s in gold_source for a, b in [s]}
        last = pred.speaker.split()[-1].lower()
        return any(re.search(rf"\b{re.escape(last)}\b", w) for w in words)
    return False


def _score(
    article: Article, preds: list[Predicted], scores: _Scores, *, direct_only: bool
) -> dict[int, bool]:
    """Add one article to ``scores``; return, per matched gold quote with a source,
    whether the speaker was right (to compare the two systems on common quotes)."""
    text, toks = article.text, _Tokens(article.text)
    gold_direct = [(d, g) for g in article.gold for d in g.direct]
    g_spans = [_trim(text, *d) for d, _ in gold_direct]
    p_direct = [p for p in preds if p.direct]
    p_spans = [_trim(text, *p.content) for p in p_direct]
    exact = sum(1 for g in g_spans if g in set(p_spans))
    scores.exact.add(exact, len(g_spans), len(p_spans))
    pairs = _match(g_spans, p_spans, toks, OVERLAP)
    scores.overlap.add(len(pairs), len(g_spans), len(p_spans))
    scores.errors["direct_missed"] += len(g_spans) - len(pairs)
    scores.errors["direct_spurious"] += len(p_spans) - len(pairs)
    scores.speaker_gold += sum(1 for _, g in gold_direct if g.source)
    verdicts: dict[int, bool] = {}
    for gi, pi in pairs:
        source = gold_direct[gi][1].source
        if not source:
            continue
        scores.speaker_n += 1
        verdicts[gi] = _speaker_ok(text, source, p_direct[pi], toks)
        if verdicts[gi]:
            scores.speaker_ok += 1
        elif p_direct[pi].speaker is None:
            scores.errors["speaker_none"] += 1
        else:
            scores.errors["speaker_wrong"] += 1
    indirect = [g for g in article.gold if not g.direct]
    # textacy has no reported-speech output: its direct quotations stand in.
    p_ind = p_direct if direct_only else [p for p in preds if not p.direct]
    _score_indirect(indirect, p_ind, toks, scores)
    return verdicts


def _hull(spans: Spans) -> tuple[int, int]:
    return min(a for a, _ in spans), max(b for _, b in spans)


# Gold cues that are not verbs: "his call for …", "concerns about …", "X: …".
_NOMINAL_CUES = frozenset(":;—–-".split() + "about of for to on against with over in as at".split())


def _why_missed(gold: GoldAttribution, preds: list[Predicted], toks: _Tokens) -> str:
    """Kind of a missed gold attribution, for the error counts in the notes."""
    if not gold.cue:
        return "no_gold_cue"
    cue = toks.of(_hull(gold.cue))
    if any(p.cue is not None and cue & toks.of(p.cue) for p in preds):
        return "content_boundary"  # our cue, but the content span differs
    last = toks.text_of(gold.cue).split()
    if not last or last[-1].lower() in _NOMINAL_CUES:
        return "nominal_cue"
    return "cue_not_found"


def _score_indirect(
    gold: list[GoldAttribution], preds: list[Predicted], toks: _Tokens, scores: _Scores
) -> None:
    pairs = _match([_hull(g.content) for g in gold], [p.content for p in preds], toks, OVERLAP)
    scores.content.add(len(pairs), len(gold), len(preds))
    scores.errors["indirect_missed"] += len(gold) - len(pairs)
    scores.errors["indirect_spurious"] += len(preds) - len(pairs)
    matched_gold = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            scores.errors[f"indirect_missed.{_why_missed(g, preds, toks)}"] += 1
    for role in ("source", "cue"):
        g_spans = [_hull(getattr(g, role)) for g in gold if getattr(g, role)]
        p_spans = [s for p in preds if (s := getattr(p, role)) is not None]
        matched = _match(g_spans, p_spans, toks, 0.0)
        getattr(scores, role).add(len(matched), len(g_spans), len(p_spans))


def _ours(doc: Doc) -> list[Predicted]:
    out = []
    text = doc.text  # rebuilt by spaCy on each access
    for q in extract_quotes(doc):
        source = None
        if q.speaker_start is not None and q.speaker_end is not None:
            source = (q.speaker_start, q.speaker_end)
        cue = None
        if q.cue is not None and source is not None:
            cue = _find_cue(text, q.cue, source)
        out.append(Predicted((q.start, q.end), source, cue, q.speaker, q.kind == "direct"))
    return out


def _find_cue(text: str, cue: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """Offsets of the cue word nearest the speaker mention (Quote keeps only its text)."""
    best = None
    for m in re.finditer(rf"\b{re.escape(cue)}\b", text[max(0, near[0] - 300) : near[1] + 300]):
        start = m.start() + max(0, near[0] - 300)
        if best is None or abs(start - near[0]) < abs(best[0] - near[0]):
            best = (start, start + len(cue))
    return best


def _textacy() -> Callable[[Doc], list[Predicted]] | None:
    try:
        triples: Any = importlib.import_module("textacy.extract.triples")
    except ImportError:
        return None

    def run(doc: Doc) -> list[Predicted]:
        out: list[Predicted] = []
        try:
            found = list(triples.direct_quotations(doc))
        except ValueError:
            # textacy bails out on an odd number of quote marks; it then finds nothing.
            return out
        for speaker, cue, content in found:
            start, end = _trim(doc.text, content.start_char, content.end_char)
            src = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None
            cue_span = (cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None
            name = " ".join(t.text for t in speaker) if speaker else None
            out.append(Predicted((start, end), src, cue_span, name, True))
        return out

    return run


def _figures(s: _Scores) -> dict[str, float]:
    return {
        "direct_exact_f1": s.exact.f1(),
        "direct_overlap_f1": s.overlap.f1(),
        "speaker_accuracy": s.speaker_ok / s.speaker_n if s.speaker_n else 0.0,
        "speaker_accuracy_common": s.common_ok / s.common_n if s.common_n else 0.0,
        "speaker_end_to_end": s.speaker_ok / s.speaker_gold if s.speaker_gold else 0.0,
        "indirect_content_f1": s.content.f1(),
        "indirect_source_f1": s.source.f1(),
        "indirect_cue_f1": s.cue.f1(),
    }


def run_quotes_eval(*, split: str = "test", limit: int | None = None) -> EvalReport:
    """Ours versus textacy on one PolNeAR split (``limit`` articles for a quick run)."""
    articles = load_polnear(split, limit)
    nlp = get_nlp()
    anchor = _textacy()
    ours, theirs = _new_scores(), _new_scores()
    ours_time = theirs_time = 0.0
    docs: Iterable[Doc] = pipe_as_configured(nlp, (a.text for a in articles), batch_size=BATCH_SIZE)
    for article, doc in zip(articles, docs, strict=True):
        t0 = time.perf_counter()
        predicted = _ours(doc)
        ours_time += time.perf_counter() - t0
        mine = _score(article, predicted, ours, direct_only=False)
        if anchor is None:
            continue
        t0 = time.perf_counter()
        predicted = anchor(doc)
        theirs_time += time.perf_counter() - t0
        other = _score(article, predicted, theirs, direct_only=True)
        for gi in mine.keys() & other.keys():
            for scores, verdicts in ((ours, mine), (theirs, other)):
                scores.common_n += 1
                scores.common_ok += verdicts[gi]
    ours_v, theirs_v = _figures(ours), _figures(theirs)
    anchor_name = "textacy.extract.triples.direct_quotations" if anchor else "textacy (unavailable)"
    n_direct = ours.exact.n_gold
    counts = {
        "direct_exact_f1": n_direct,
        "direct_overlap_f1": n_direct,
        "speaker_accuracy": ours.speaker_n,
        "speaker_accuracy_common": ours.common_n,
        "speaker_end_to_end": ours.speaker_gold,
        "indirect_content_f1": ours.content.n_gold,
        "indirect_source_f1": ours.source.n_gold,
        "indirect_cue_f1": ours.cue.n_gold,
    }
    rows = [
        EvalRow(
            key=f"polnear.{metric}",
            dataset=f"polnear-{split}",
            metric=metric,
            ours=round(value, 4),
            anchor=anchor_name,
            anchor_value=round(theirs_v[metric], 4) if anchor else None,
            n=counts[metric],
        )
        for metric, value in ours_v.items()
    ]
    rows.append(
        EvalRow(
            key="polnear.extract_docs_per_s",
            dataset=f"polnear-{split}",
            metric="documents/s (extraction only, parse excluded)",
            ours=round(len(articles) / ours_time, 1) if ours_time else 0.0,
            anchor=anchor_name,
            anchor_value=round(len(articles) / theirs_time, 1) if theirs_time else None,
            n=len(articles),
        )
    )
    notes: tuple[str, ...] = (
        f"speaker accuracy is over matched gold quotes with a gold source: ours n="
        f"{ours.speaker_n}, anchor n={theirs.speaker_n}",
        f"indirect rows: textacy has no reported-speech extractor; its direct quotations "
        f"are scored as they stand (anchor n={theirs.content.n_pred} predictions)",
    )
    notes += tuple(f"ours {k}: {v}" for k, v in sorted(ours.errors.items())) + tuple(
        f"anchor {k}: {v}" for k, v in sorted(theirs.errors.items())
    )
    return EvalReport(name="quotes", rows=tuple(rows), notes=notes)
