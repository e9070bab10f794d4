"""Property tests: hostile input never crashes a batch, and what is stored stays sound.

Invariants, each over thousands of generated inputs (tests/fuzz_strategies.py):
- ingest never raises; every item is a document or a rejection with a catalogued code;
  decoded text is valid Unicode (no lone surrogates);
- repair never raises and never increases the mojibake count;
- clean never raises;
- the whole pipeline turns every input into a record or a coded rejection, and every
  offset of a record lies inside its text, with ``text[start:end]`` equal to the span
  stored beside it (entities, quotes, speakers); stored events' evidence equals the
  stored text's slice.

The default run is short; ``-m slow`` runs 100,000 cases in all and, with
``SITROOM_FUZZ_REPORT=file.json``, writes the counts by code there.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.clean import clean_text
from sitroom.errors import Codes
from sitroom.ingest import RawDocument, iter_raw
from sitroom.pipeline import PipelineOptions, process
from sitroom.records import Record, Rejection, Source
from sitroom.repair import count_mojibake, repair_text
from sitroom.store import EventQuery, Store
from tests.fuzz_strategies import input_files, mixed_bytes, texts

CODES = frozenset(Codes.__members__)
FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# The slow run: 100,000 cases in all, split by cost.
SLOW_CASES = {"ingest": 40_000, "repair": 30_000, "clean": 20_000, "pipeline": 10_000}

COUNTS: Counter[str] = Counter()


def _slow(part: str) -> settings:
    # SITROOM_FUZZ_SCALE=0.01 gives a 1,000-case rehearsal of the long run.
    scale = float(os.environ.get("SITROOM_FUZZ_SCALE", "1"))
    return settings(FAST, max_examples=max(1, int(SLOW_CASES[part] * scale)))


def _report(part: str) -> None:
    target = os.environ.get("SITROOM_FUZZ_REPORT")
    if not target:
        return
    path = Path(target)
    data = json.loads(path.read_text()) if path.exists() else {}
    data[part] = dict(sorted(COUNTS.items()))
    path.write_text(json.dumps(data, indent=2))
    COUNTS.clear()


_WORKDIR = Path(tempfile.mkdtemp(prefix="sitroom-fuzz-"))


def check_ingest(name: str, data: bytes) -> None:
    path = _WORKDIR / name
    path.write_bytes(data)
    items = list(iter_raw([path]))
    COUNTS["input files"] += 1
    assert items, "every input gives at least one document or rejection"
    for item in items:
        if isinstance(item, Rejection):
            assert item.code in CODES, item
            assert item.code != "E090", item  # E090 would be a bug caught at the boundary
            COUNTS[f"{item.stage}/{item.code}"] += 1
        else:
            assert isinstance(item, RawDocument)
            item.text.encode("utf-8")  # raises on a lone surrogate
            COUNTS["document"] += 1


def check_repair(text: str) -> None:
    result = repair_text(text)
    # U+FFFD marks a byte lost before repair (ftfy writes it where mojibake kept a "?"
    # for the lost byte): it reveals damage, it adds none.
    assert count_mojibake(result.text, lost_bytes=False) <= count_mojibake(
        text, lost_bytes=False
    ), (text, result.text)
    COUNTS["repaired" if result.fixes else "unchanged"] += 1


def check_clean(text: str) -> None:
    result = clean_text(repair_text(text).text)
    for removed in result.removed:
        assert removed.kind in {"promo", "related", "credit", "nav", "other"}
    COUNTS["cleaned"] += 1


def check_record(record: Record, store: Store) -> None:
    text = record.text
    size = len(text)
    spans: list[tuple[int, int, str | None]] = [
        (entity.start, entity.end, entity.text) for entity in record.entities
    ]
    for quote in record.quotes:
        spans.append((quote.start, quote.end, quote.text))
        if quote.speaker_start is not None and quote.speaker_end is not None:
            spans.append((quote.speaker_start, quote.speaker_end, quote.speaker_mention))
    for start, end, span in spans:
        assert text[start:end] == span
    ranges = [(a.claim_start, a.claim_end) for a in record.attributions]
    ranges += [
        (a.source_start, a.source_end)
        for a in record.attributions
        if a.source_start is not None and a.source_end is not None
    ]
    ranges += [(e.start, e.end) for event in record.events for e in event.evidence]
    for start, end in ranges:
        assert 0 <= start <= end <= size
    store.add_record(record)
    stored = store.record(record.id)
    assert stored is not None and stored["text"] == text
    # This document's events only: reading the whole store each case made the long run
    # quadratic in its length.
    stored_spans = 0
    for row in store.events(EventQuery(document_id=record.id)):
        if row["evidence_start"] is not None:
            assert row["evidence_text"] == text[row["evidence_start"] : row["evidence_end"]]
            stored_spans += 1
    COUNTS["offsets checked"] += len(spans) + len(ranges) + stored_spans


def check_pipeline(text: str, store: Store) -> None:
    raw = RawDocument(source=Source(path="fuzz.txt", format="txt"), text=text, encoding="utf-8")
    (result,) = list(process([raw], options=PipelineOptions()))
    if isinstance(result, Rejection):
        assert result.code in CODES and result.code != "E090", result
        COUNTS[f"{result.stage}/{result.code}"] += 1
        return
    COUNTS["record" if result.triage is None else "record (triaged, not parsed)"] += 1
    check_record(result, store)


# -- the default run ------------------------------------------------------------------


@FAST
@given(input_files())
def test_ingest_never_crashes(case: tuple[str, bytes]) -> None:
    check_ingest(*case)


@FAST
@given(mixed_bytes())
def test_mixed_encodings_decode(data: bytes) -> None:
    check_ingest("mixed.txt", data)


@FAST
@given(st.one_of(texts, st.text()))
def test_repair_never_adds_mojibake(text: str) -> None:
    check_repair(text)


@FAST
@given(texts)
def test_clean_never_crashes(text: str) -> None:
    check_clean(text)


@pytest.mark.model
@settings(FAST, max_examples=25)
@given(texts)
def test_pipeline_offsets_hold(text: str) -> None:
    check_pipeline(text, Store(":memory:"))


# -- the long run: 100,000 cases --------------------------------------------------------


@pytest.mark.slow
def test_fuzz_ingest_long() -> None:
    @_slow("ingest")
    @given(input_files())
    def run(case: tuple[str, bytes]) -> None:
        check_ingest(*case)

    run()
    _report("ingest")


@pytest.mark.slow
def test_fuzz_repair_long() -> None:
    @_slow("repair")
    @given(st.one_of(texts, st.text()))
    def run(text: str) -> None:
        check_repair(text)

    run()
    _report("repair")


@pytest.mark.slow
def test_fuzz_clean_long() -> None:
    @_slow("clean")
    @given(texts)
    def run(text: str) -> None:
        check_clean(text)

    run()
    _report("clean")


@pytest.mark.slow
def test_fuzz_pipeline_long() -> None:
    store = Store(":memory:")

    @_slow("pipeline")
    @given(texts)
    def run(text: str) -> None:
        check_pipeline(text, store)

    run()
    _report("pipeline")
