"""Throughput of the full pipeline next to spaCy alone, measured side by side in one run.

Default mode reads ../shared/corpus when present, otherwise samples/ (or the PATHs
given). Prints documents/s and words/s for (a) ``nlp.pipe`` of the spaCy pipeline as
shipped (no sitroom component) on the cleaned texts and
(b) the whole sitroom pipeline (ingest → repair → clean → nlp → extract → resolve) on
the same files, and the ratio between them.

``--mixed`` measures a feed like a monitor's, mostly not about conflict: the 38
corpus reports of sitroom-reports, PolNeAR test and dev (political news) and 300
IndiaPoliceEvents articles, all from ../shared (see ``sitroom.eval.feeds``). For the
whole feed and for the 38 reports alone it prints, from one run: a plain ``nlp.pipe``
full pass in one process of the spaCy pipeline as shipped (the baseline); the same
with sitroom's spaCy pipeline (its entity ruler, its attribute ruler); ``nlp.pipe``
with as many processes as sitroom is configured to use (for comparison, when more
than one); sitroom in
one process with triage and the sentence cascade off, with triage on, with triage and
the cascade on; sitroom as configured (``nlp_processes``); the share of documents
(and words) triaged out, the share of tokens the cascade parses, and each docs/s as a
ratio to the baseline's, by the wall clock and by CPU time (this process and its
worker processes; other work on a shared machine disturbs it less). The documents are
read before the clock starts, so ingest is not timed in this mode.

A benchmark, not a test: nothing here asserts a timing. On a shared machine the
figures move from run to run; compare ratios from the same run only.

    python benchmarks/throughput.py [--repeat N] [PATH ...]
    python benchmarks/throughput.py --mixed [--repeat N]
    python benchmarks/throughput.py --tune [--repeat N]   # batch size and n_process
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from sitroom.ingest import RawDocument, iter_raw
from sitroom.nlp import get_nlp
from sitroom.nlp.cascade import plan_runs
from sitroom.nlp.processes import PARALLEL_BATCH_SIZE
from sitroom.pipeline import PipelineOptions, Prepared, prepare_stream, process
from sitroom.records import Record
from sitroom.settings import get_settings
from sitroom.triage import triage_text

REPO = Path(__file__).resolve().parents[1]


def default_inputs() -> list[Path]:
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.exists():
        return [corpus]
    return [REPO / "samples"]


@lru_cache(maxsize=1)
def plain_spacy() -> Language:
    """The configured spaCy pipeline as shipped: the baseline every ratio divides by."""
    return spacy.load(get_settings().spacy_model)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (``nlp.pipe`` workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _median(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``run`` (CPU time moves less on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), _cpu_seconds()
        run()
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def corpus_mode(paths: list[Path], repeat: int) -> None:
    options = PipelineOptions()
    raws = list(iter_raw(paths))
    prepared = [p for p in prepare_stream(raws, options=options) if isinstance(p, Prepared)]
    texts = [p.text for p in prepared]
    words = sum(len(t.split()) for t in texts)
    nlp = plain_spacy()
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


def _setups() -> dict[str, PipelineOptions]:
    """The sitroom rows: each setting in one process, then sitroom as configured when
    it parses in more than one."""
    setups = {
        "sitroom, triage+cascade off": PipelineOptions(triage=False, cascade=False, processes=1),
        "sitroom, triage on": PipelineOptions(triage=True, cascade=False, processes=1),
        "sitroom, triage+cascade on": PipelineOptions(triage=True, cascade=True, processes=1),
    }
    configured = PipelineOptions()
    if configured.processes_in_force() > 1:
        setups[_setup_name(configured)] = configured
    return setups


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
    batch = PipelineOptions().batch_size
    n_process = PipelineOptions().processes_in_force()
    plain = plain_spacy()
    seconds = {
        "spaCy nlp.pipe full pass": _median(
            lambda: list(plain.pipe(texts, batch_size=batch)), repeat
        ),
        # sitroom's spaCy pipeline (its entity ruler, the attribute ruler by lookup).
        "  the same, sitroom's pipeline": _median(
            lambda: list(nlp.pipe(texts, batch_size=batch)), repeat
        ),
    }
    if n_process > 1:
        # Not the baseline: spaCy alone given the same processes, for comparison.
        seconds[f"spaCy nlp.pipe, {n_process} proc."] = _median(
            lambda: list(plain.pipe(texts, batch_size=PARALLEL_BATCH_SIZE, n_process=n_process)),
            repeat,
        )
    for setup, options in _setups().items():

        def run(options: PipelineOptions = options) -> None:
            list(process(raws, options=options))

        seconds[setup] = _median(run, repeat)
    spacy_wall, spacy_cpu = seconds["spaCy nlp.pipe full pass"]
    sys.stdout.write(
        f"\n== {name}: {n_docs} documents, {words} words; repeat {repeat} (median)\n"
        f"triaged out: {1 - len(kept) / max(n_docs, 1):.3f} of documents, "
        f"{1 - kept_words / max(words, 1):.3f} of words; "
        f"cascade parses {parsed / max(tokens, 1):.3f} of the kept documents' tokens\n"
        f"{'wall clock':30}{'docs/s':>10}{'words/s':>12}{'seconds':>10}{'x spaCy':>10}"
        f"   | CPU:{'docs/s':>8}{'seconds':>10}{'x spaCy':>10}\n"
    )
    for setup, (wall, cpu) in seconds.items():
        sys.stdout.write(
            f"{setup:30}{n_docs / wall:10.1f}{words / wall:12.0f}{wall:10.2f}"
            f"{spacy_wall / wall:10.2f}   |     {n_docs / cpu:8.1f}{cpu:10.2f}"
            f"{spacy_cpu / cpu:10.2f}\n"
        )
    configured = PipelineOptions()
    setup = _setup_name(configured)
    if setup not in seconds:  # a setting outside the rows: measure it too
        seconds[setup] = _median(lambda: list(process(raws, options=configured)), repeat)
    wall, cpu = seconds[setup]
    sys.stdout.write(
        f"sitroom as configured (triage {'on' if configured.triage_on() else 'off'}, cascade "
        f"{'on' if configured.cascade_on() else 'off'}, {n_process} parsing process(es)): "
        f"{spacy_wall / wall:.2f}x spaCy (one process, {batch} documents per batch) by the "
        f"wall clock, {spacy_cpu / cpu:.2f}x by CPU time of all processes; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
    )


def _setup_name(options: PipelineOptions) -> str:
    """The row of ``_setups`` that ``options`` select."""
    triage, cascade = options.triage_on(), options.cascade_on()
    n = options.processes_in_force()
    if n > 1 and not cascade:
        return f"sitroom as configured, {n} proc."
    if not triage:
        return "sitroom, triage+cascade off" if not cascade else "sitroom, cascade on"
    return "sitroom, triage+cascade on" if cascade else "sitroom, triage on"


def mixed_mode(repeat: int) -> None:
    from sitroom.eval.feeds import mixed_feed

    feed = mixed_feed()
    for nlp in (get_nlp(), plain_spacy()):
        list(nlp.pipe(["Warm-up: the first call allocates."]))
    every = [raw for part in feed.values() for raw in part]
    parts = ", ".join(f"{name} {len(raws)}" for name, raws in feed.items())
    sys.stdout.write(f"mixed feed: {parts}\n")
    _feed_report("mixed feed", every, repeat)
    _feed_report("corpus reports only", feed["corpus reports"], repeat)


def tune_mode(repeat: int) -> None:
    """spaCy's docs/s by batch size and process count, on the corpus reports and on the
    documents of the mixed feed that triage keeps; CPU time counts the worker processes."""
    from sitroom.eval.feeds import mixed_feed

    nlp = get_nlp()
    feed = mixed_feed()
    reports = [p.text for p in prepare_stream(feed["corpus reports"]) if isinstance(p, Prepared)]
    every = [raw for part in feed.values() for raw in part]
    kept = [
        p.text
        for p in prepare_stream(every)
        if isinstance(p, Prepared) and triage_text(p.text).keep
    ]
    list(nlp.pipe(reports[:2]))
    for name, texts in (("corpus reports", reports), ("mixed feed, kept by triage", kept)):
        sys.stdout.write(
            f"\nnlp.pipe over {len(texts)} texts ({name}), repeat {repeat} (median); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
            f"{'n_process':>10}{'batch':>8}{'docs/s':>10}{'wall s':>10}"
            f"{'CPU s (all processes)':>24}\n"
        )
        for n_process in (1, 2):
            for batch in (4, 16, 64):

                def run(n: int = n_process, b: int = batch, t: list[str] = texts) -> None:
                    list(nlp.pipe(t, batch_size=b, n_process=n))

                wall, cpu = _median(run, repeat)
                sys.stdout.write(
                    f"{n_process:10}{batch:8}{len(texts) / wall:10.1f}{wall:10.2f}{cpu:24.2f}\n"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=None, help="timed runs (median kept)")
    parser.add_argument("--mixed", action="store_true", help="the mixed feed from ../shared")
    parser.add_argument(
        "--tune", action="store_true", help="nlp.pipe by batch size and n_process (corpus)"
    )
    args = parser.parse_args()
    if args.tune:
        tune_mode(args.repeat or 3)
    elif args.mixed:
        mixed_mode(args.repeat or 1)
    else:
        corpus_mode(args.paths or default_inputs(), args.repeat or 3)


if __name__ == "__main__":
    main()
