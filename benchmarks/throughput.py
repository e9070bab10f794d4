"""Throughput of the full pipeline next to spaCy alone, measured side by side in one run.

Reads ../shared/corpus when present, otherwise samples/. Prints documents/s and
words/s for (a) ``nlp.pipe`` on the cleaned texts and (b) the whole sitroom
pipeline (ingest → repair → clean → nlp → extract → resolve) on the same files,
and the ratio between them. A benchmark, not a test: nothing here asserts a timing.

    python benchmarks/throughput.py [--repeat N] [PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sitroom.ingest import iter_raw
from sitroom.nlp import get_nlp
from sitroom.pipeline import PipelineOptions, Prepared, prepare_stream, process
from sitroom.records import Record

REPO = Path(__file__).resolve().parents[1]


def default_inputs() -> list[Path]:
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.exists():
        return [corpus]
    return [REPO / "samples"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (median kept)")
    args = parser.parse_args()
    paths = args.paths or default_inputs()
    options = PipelineOptions()

    raws = list(iter_raw(paths))
    prepared = [p for p in prepare_stream(raws, options=options) if isinstance(p, Prepared)]
    texts = [p.text for p in prepared]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm-up: first call allocates

    spacy_times, sitroom_times = [], []
    for _ in range(args.repeat):
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
        f"documents: {n_docs}  words: {words}  events: {events}  repeat: {args.repeat} (median)\n"
        f"{'':24}{'docs/s':>10}{'words/s':>12}{'seconds':>10}\n"
        f"{'spaCy nlp.pipe alone':24}{n_docs / spacy_s:10.1f}{words / spacy_s:12.0f}"
        f"{spacy_s:10.2f}\n"
        f"{'sitroom full pipeline':24}{n_docs / sitroom_s:10.1f}{words / sitroom_s:12.0f}"
        f"{sitroom_s:10.2f}\n"
        f"ratio sitroom / spaCy-only speed: {spacy_s / sitroom_s:.2f}\n"
    )


if __name__ == "__main__":
    main()
