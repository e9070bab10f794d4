"""IndiaPoliceEvents' articles written out as a user would have them: one .txt per article.

Used by the scale benchmarks. Reads ``../shared/benchmarks/indiapoliceevents`` (the
articles' text and publication date) and writes them to a folder the caller owns,
with an ``index.jsonl`` sidecar carrying each file's date and URL; the shared data is
never copied into the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitroom.eval.report import benchmark_path


def write_corpus(folder: Path, limit: int | None = None) -> list[Path]:
    """Write the articles as .txt files under ``folder``; returns the files, in order."""
    source = benchmark_path("indiapoliceevents", "data", "final", "metadata.jsonl")
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    index = []
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(files) >= limit:
                break
            article = json.loads(line)
            path = folder / f"ipe-{int(article['doc_id']):05d}.txt"
            path.write_text(article["full_text"], encoding="utf-8")
            files.append(path)
            index.append({"file": path.name, "published": article["date"], "url": article["url"]})
    (folder / "index.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in index), encoding="utf-8"
    )
    return files


def raw_bytes(files: list[Path]) -> int:
    return sum(path.stat().st_size for path in files)
