"""Throughput of the full pipeline next to spaCy alone, measured side by side in one run.

Default mode reads ../shared/corpus when present, otherwise samples/ (or the PATHs
given). Prints documents/s and words/s for (a) ``nlp.pipe`` on the cleaned texts and
(b) the whole sitroom pipeline (ingest → repair → clean → nlp → extract → resolve) on
the same files, and the ratio between them.

``--mixed`` measures a feed like a monitor's, mostly not about conflict: the 38
corpus reports of sitroom-reports, PolNeAR test and dev (political news) and 300
IndiaPoliceEvents articles, all from ../shared (see ``sitroom.eval.feeds``). For the
whole feed and for the 38 reports alone it prints, from one run: a plain ``nlp.pipe``
full pass; sitroom with triage and the sentence cascade off; with triage on; with
triage and the cascade on; the share of documents (and words) triaged out, the share
of tokens the cascade parses, and each docs/s as a ratio to spaCy's. The documents are
read before the clock starts, so ingest is not timed in this mode.

A benchmark, not a test: nothing here asserts a timing. On a shared machine the
figures move from run to run; compare ratios from the same run only.

    python benchmarks/throughput.py [--repeat N] [PATH ...]
    python benchmarks/throughput.py --mixed [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sitroom.ingest import RawDocument, iter_raw
from sitroom.nlp import get_nlp
from sitroom.nlp.cascade import plan_runs
from sitroom.pipeline import PipelineOptions, Prepared, prepare_stream, process
from sitroom.records import Record
from sitroom.triage import triage_text

REPO = Path(__file__).resolve().parents[1]


def default_inputs() -> list[Path]:
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.exists():
        return [corpus]
    return [REPO / "samples"]


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def corpus_mode(paths: list[Path], repeat: int) -> None:
    options = PipelineOptions()
    raws = list(iter_raw(paths))
    prepared = [p for p in prepare_stream(raws, options=options) if isinstance(p, Prepared)]
    texts = [p.text for p in prepared]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm-up: first call allocates

    spacy_times, sitroom_times = [], []
    records: list[Record] = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=options.batch_size):
            pass
        spacy_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        records = [r for r in process(iter_raw(paths), options=options) if isinstance(r, Record)]
        sitroom_times.append(time.perf_counter() - started)

    n_docs = len(texts)
    spacy_s, sitroom_s = statistics.median(spacy_times), statistics.median(sitroom_times)
    events = sum(len(r.events) for r in records)
    sys.stdout.write(
        f"inputs: {', '.join(str(p) for p in paths)}\n"
        f"documents: {n_docs}  words: {words}  events: {events}  repeat: {repeat} (median)\n"
        f"{'':24}{'docs/s':>10}{'words/s':>12}{'seconds':>10}\n"
        f"{'spaCy nlp.pipe alone':24}{n_docs / spacy_s:10.1f}{words / spacy_s:12.0f}"
        f"{spacy_s:10.2f}\n"
        f"{'sitroom full pipeline':24}{n_docs / sitroom_s:10.1f}{words / sitroom_s:12.0f}"
        f"{sitroom_s:10.2f}\n"
        f"ratio sitroom / spaCy-only speed: {spacy_s / sitroom_s:.2f}\n"
    )


SETUPS: dict[str, PipelineOptions] = {
    "sitroom, triage+cascade off": PipelineOptions(triage=False, cascade=False),
    "sitroom, triage on": PipelineOptions(triage=True, cascade=False),
    "sitroom, triage+cascade on": PipelineOptions(triage=True, cascade=True),
}


def _feed_report(name: str, raws: Sequence[RawDocument], repeat: int) -> None:
    nlp = get_nlp()
    texts = [p.text for p in prepare_stream(raws) if isinstance(p, Prepared)]
    n_docs, words = len(texts), sum(len(t.split()) for t in texts)
    kept = [t for t in texts if triage_text(t).keep]
    kept_words = sum(len(t.split()) for t in kept)
    tokens = parsed = 0
    for text in kept:
        for start, end, parse in plan_runs(nlp.make_doc(text)):
            tokens += end - start
            parsed += (end - start) * parse
    seconds = {
        "spaCy nlp.pipe full pass": _median(
            lambda: list(nlp.pipe(texts, batch_size=PipelineOptions().batch_size)), repeat
        )
    }
    for setup, options in SETUPS.items():

        def run(options: PipelineOptions = options) -> None:
            list(process(raws, options=options))

        seconds[setup] = _median(run, repeat)
    spacy_s = seconds["spaCy nlp.pipe full pass"]
    sys.stdout.write(
        f"\n== {name}: {n_docs} documents, {words} words; repeat {repeat} (median)\n"
        f"triaged out: {1 - len(kept) / max(n_docs, 1):.3f} of documents, "
        f"{1 - kept_words / max(words, 1):.3f} of words; "
        f"cascade parses {parsed / max(tokens, 1):.3f} of the kept documents' tokens\n"
        f"{'':30}{'docs/s':>10}{'words/s':>12}{'seconds':>10}{'x spaCy':>10}\n"
    )
    for setup, s in seconds.items():
        sys.stdout.write(
            f"{setup:30}{n_docs / s:10.1f}{words / s:12.0f}{s:10.2f}{spacy_s / s:10.2f}\n"
        )


def mixed_mode(repeat: int) -> None:
    from sitroom.eval.feeds import mixed_feed

    feed = mixed_feed()
    nlp = get_nlp()
    list(nlp.pipe(["Warm-up: the first call allocates."]))
    every = [raw for part in feed.values() for raw in part]
    parts = ", ".join(f"{name} {len(raws)}" for name, raws in feed.items())
    sys.stdout.write(f"mixed feed: {parts}\n")
    _feed_report("mixed feed", every, repeat)
    _feed_report("corpus reports only", feed["corpus reports"], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=None, help="timed runs (median kept)")
    parser.add_argument("--mixed", action="store_true", help="the mixed feed from ../shared")
    args = parser.parse_args()
    if args.mixed:
        mixed_mode(args.repeat or 1)
    else:
        corpus_mode(args.paths or default_inputs(), args.repeat or 3)


if __name__ == "__main__":
    main()
