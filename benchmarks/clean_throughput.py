"""Throughput of ingest + repair + clean next to trafilatura and ftfy alone (documents/s).

    python benchmarks/clean_throughput.py [--repeat N] [PATH ...]

Reads ../shared/corpus (or samples/ when it is absent) unless paths are
given. Each system runs over the same documents; the best of ``--repeat``
passes is reported, so a cold file cache does not count. A benchmark, not a
test: it prints and asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy
import trafilatura

from sitroom.clean import clean_text
from sitroom.eval.report import shared_dir
from sitroom.ingest import RawDocument, iter_raw
from sitroom.repair import repair_text

REPO = Path(__file__).resolve().parents[1]


def default_paths() -> list[Path]:
    corpus = shared_dir() / "corpus"
    folder = corpus if corpus.exists() else REPO / "samples"
    return sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".html", ".htm"})


def ours(paths: list[Path]) -> int:
    count = 0
    for item in iter_raw(paths):
        if isinstance(item, RawDocument):
            clean_text(repair_text(item.text).text)
            count += 1
    return count


def anchors(paths: list[Path]) -> int:
    """trafilatura.extract for HTML, ftfy.fix_text for text: each library alone."""
    for path in paths:
        data = path.read_bytes()
        if path.suffix in {".html", ".htm"}:
            trafilatura.extract(data, include_comments=False)
        else:
            ftfy.fix_text(data.decode("utf-8", errors="replace"))
    return len(paths)


def best_rate(
    run: Callable[[list[Path]], int], paths: list[Path], repeat: int
) -> tuple[float, int]:
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run(paths)
        best = min(best, time.perf_counter() - start)
    return count / best, count


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    paths = args.paths or default_paths()
    if not paths:
        sys.exit("no documents found (../shared/corpus or samples/)")
    html = [p for p in paths if p.suffix in {".html", ".htm"}]
    text = [p for p in paths if p not in html]
    print(f"{len(paths)} files ({len(html)} HTML, {len(text)} text), best of {args.repeat}")
    print(f"{'set':<6} {'sitroom ingest+repair+clean':>28} {'anchor':>26}")
    for label, subset, anchor in (
        ("html", html, "trafilatura.extract"),
        ("text", text, "ftfy.fix_text"),
        ("all", paths, "trafilatura / ftfy"),
    ):
        if not subset:
            continue
        ours_rate, n = best_rate(ours, subset, args.repeat)
        anchor_rate, _ = best_rate(anchors, subset, args.repeat)
        print(
            f"{label:<6} {ours_rate:>20.1f} docs/s {anchor_rate:>12.1f} docs/s  ({anchor}, n={n})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
