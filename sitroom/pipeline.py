"""The orchestrator: raw reports in, sourced event records out.

Stages, in data-flow order (one subpackage each):

1. ``ingest``  (:mod:`sitroom.ingest`)  read txt, html, jsonl, warc, gzip, directories and
   stdin into ``RawDocument`` objects; unreadable input becomes a ``Rejection``.
2. ``repair``  (:mod:`sitroom.repair`)  fix encoding damage: ftfy, then our own repairs
   for what ftfy leaves (lost-byte mojibake).
3. ``clean``   (:mod:`sitroom.clean`)   remove site furniture (promo lines, related
   headlines, credits, nav); every removed piece is kept in ``removed``.
   Then document triage (:mod:`sitroom.triage`) weighs the text's event cues; a
   document with too few is recorded with a ``triage`` reason and not parsed.
4. ``nlp``     (:mod:`sitroom.nlp`)     one spaCy pipeline per process, with domain
   entity patterns; documents are parsed in batches with ``nlp.pipe`` (or the
   sentence cascade, :mod:`sitroom.nlp.cascade`, when switched on).
5. ``extract`` (:mod:`sitroom.extract`) quotes, attributions, events, numbers and dates,
   each with character offsets into the cleaned text.
6. ``resolve`` (:mod:`sitroom.resolve`) relative dates, actor names and places (offline
   gazetteer) for every event; then stateless forces are named after the event's own
   country and each note is written again from the resolved event.
7. ``dedupe``  (:mod:`sitroom.dedupe`)  reports of one event merged across documents,
   every source kept (runs over the store, after ingest).
8. ``store``   (:mod:`sitroom.store`)   SQLite by default, PostgreSQL for teams; one writer.

``serve`` (JSON API + dashboard) and ``export`` read from the store.

Errors are isolated per document: a ``SitroomError`` raised by any stage becomes a
``Rejection`` (stage, code, detail) and the batch goes on.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.clean import clean_text
from sitroom.errors import Codes, SitroomError
from sitroom.extract import extract_attributions, extract_events, extract_quotes, stated_day
from sitroom.ingest import IngestOptions, RawDocument, iter_raw
from sitroom.nlp import get_nlp, parse_headline
from sitroom.nlp.cascade import parse_texts
from sitroom.nlp.language import DetectedLanguage, detect_language
from sitroom.nlp.processes import (
    IN_FLIGHT_PER_PROCESS,
    PARALLEL_BATCH_SIZE,
    PARALLEL_MIN_DOCS,
    processes_in_force,
)
from sitroom.records import Entity, Record, Rejection, Removed, Repairs, Source
from sitroom.repair import repair_text
from sitroom.resolve.actor_country import localize_actors
from sitroom.resolve.geo import GeoContext, geocode_events
from sitroom.resolve.notes import renote
from sitroom.settings import get_settings, is_on
from sitroom.triage import triage_text

PIPELINE_VERSION = "sitroom-0.1"

# Documents parsed per nlp.pipe batch. Measured with benchmarks/throughput.py on
# the shared corpus: beyond 16 the sm model gains nothing on 2 cores, and small
# batches keep memory flat on long streams.
NLP_BATCH_SIZE = 16


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineOptions:
    """Options for one run; the CLI and the Python API both build this."""

    published: date | None = None
    spacy_model: str | None = None
    ingest: IngestOptions = field(default_factory=IngestOptions)
    batch_size: int = NLP_BATCH_SIZE
    # None: the setting (SITROOM_TRIAGE, SITROOM_NLP_CASCADE) decides.
    triage: bool | None = None
    cascade: bool | None = None
    # None: the nlp_processes setting (SITROOM_NLP_PROCESSES) decides.
    processes: int | None = None

    def triage_on(self) -> bool:
        return self.triage if self.triage is not None else is_on(get_settings().triage)

    def cascade_on(self) -> bool:
        return self.cascade if self.cascade is not None else is_on(get_settings().nlp_cascade)

    def processes_in_force(self) -> int:
        if self.processes is not None:
            return self.processes
        return processes_in_force(get_settings().nlp_processes)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document after repair and clean, ready for the parser."""

    raw: RawDocument
    text: str
    record_id: str
    published: date | None
    repairs: Repairs
    removed: tuple[Removed, ...]
    contributors: tuple[str, ...]
    dateline: str | None
    dateline_place: str | None
    title: str | None = None  # the container's title, else the headline clean found
    language: DetectedLanguage | None = None


T = TypeVar("T")


def _in_stage(stage: str, step: Callable[[], T]) -> T:
    """Run one stage's step; an unexpected exception becomes a coded error of that stage.

    This is the per-document isolation boundary (spaCy's error-handler idea): a bug
    or a library failure on one odd document is stored as a rejection with its
    stage and cause instead of aborting a batch of thousands.
    """
    try:
        return step()
    except SitroomError:
        raise
    # The isolation boundary: any failure is chained into a coded error.
    except Exception as exc:
        raise SitroomError(Codes.E090, stage=stage, reason=f"{type(exc).__name__}: {exc}") from exc


def document_id(text: str) -> str:
    """Records are keyed by a hash of the cleaned text, so re-ingest is idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def prepare(raw: RawDocument, *, options: PipelineOptions) -> Prepared:
    """Repair and clean one document (no parser needed)."""
    repaired = _in_stage("repair", lambda: repair_text(raw.text))
    cleaned = _in_stage("clean", lambda: clean_text(repaired.text, title=raw.title))
    if not cleaned.text.strip():
        raise SitroomError(Codes.E020, stage="clean", path=raw.source.path)
    # Before the parser: a report in a language we do not process is rejected (E035).
    language = _in_stage("nlp", lambda: detect_language(cleaned.text, path=raw.source.path))
    limit = options.ingest.max_parser_chars
    if len(cleaned.text) > limit:
        raise SitroomError(Codes.E031, stage="nlp", size=len(cleaned.text), limit=limit)
    published = options.published or _parse_published(raw.published)
    return Prepared(
        raw=raw,
        text=cleaned.text,
        record_id=document_id(cleaned.text),
        published=published,
        repairs=Repairs(
            mojibake_fixed=repaired.mojibake_fixed,
            encoding_detected=raw.encoding,
            fixes=repaired.fixes,
            replaced=raw.replaced,
            bytes_replaced=raw.bytes_replaced,
        ),
        removed=tuple(cleaned.removed),
        contributors=tuple(cleaned.contributors),
        dateline=cleaned.dateline,
        dateline_place=cleaned.dateline_place,
        title=raw.title or cleaned.title,
        language=language,
    )


def _record(prepared: Prepared, **extracted: Any) -> Record:
    """The record of a prepared document, with what was extracted from it (if anything)."""
    raw = prepared.raw
    return Record(
        id=prepared.record_id,
        source=raw.source,
        title=prepared.title,
        published=prepared.published.isoformat() if prepared.published else None,
        byline=raw.byline,
        contributors=prepared.contributors,
        text=prepared.text,
        removed=prepared.removed,
        repairs=prepared.repairs,
        dateline=prepared.dateline,
        pipeline=PIPELINE_VERSION,
        language=prepared.language.code if prepared.language else None,
        language_score=round(prepared.language.score, 4) if prepared.language else None,
        **extracted,
    )


def triaged_record(prepared: Prepared, reason: str) -> Record:
    """The record of a document triage left unparsed: metadata and text, nothing extracted."""
    return _record(prepared, entities=(), quotes=(), attributions=(), events=(), triage=reason)


def analyse(
    prepared: Prepared, doc: Doc, headline: Doc | Callable[[], Doc | None] | None = None
) -> Record:
    """Run extract and resolve on a parsed document and build its record."""
    quotes = _in_stage("extract", lambda: extract_quotes(doc))
    attributions = _in_stage("extract", lambda: extract_attributions(doc, quotes))
    # Without a publication date, relative dates are read against the latest full date
    # the page states, captions and furniture included (``report.stated``).
    written = prepared.published or stated_day(prepared.raw.text)
    events = _in_stage(
        "extract",
        lambda: extract_events(doc, attributions, published=written, headline=headline),
    )
    # The dateline town anchors places the text names only partly ("the Liido beach").
    context = GeoContext(dateline_place=prepared.dateline_place)
    located = _in_stage(
        "resolve", lambda: renote(localize_actors(geocode_events(doc, events, context=context)))
    )
    entities = tuple(
        Entity(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char)
        for ent in doc.ents
    )
    return _record(
        prepared, entities=entities, quotes=quotes, attributions=attributions, events=located
    )


def _rejection(path: str, error: SitroomError) -> Rejection:
    return Rejection(path=path, stage=error.stage, code=error.code.name, detail=error.detail)


def prepare_stream(
    items: Iterable[RawDocument | Rejection], *, options: PipelineOptions = PipelineOptions()
) -> Iterator[Prepared | Rejection]:
    """Repair and clean a stream; rejections pass through in place."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield prepare(item, options=options)
        except SitroomError as error:
            yield _rejection(item.source.path, error)


def analyse_stream(
    items: Iterable[Prepared | Rejection], *, options: PipelineOptions = PipelineOptions()
) -> Iterator[Record | Rejection]:
    """Parse with ``nlp.pipe``, then extract and resolve; one result per input, in order.

    With more than one process in force (``nlp_processes``) and enough documents
    waiting (``PARALLEL_MIN_DOCS``), forked worker processes analyse them; otherwise
    they are parsed here, ``batch_size`` at a time. The sentence cascade runs here.
    """
    nlp = get_nlp(options.spacy_model)
    triage, cascade = options.triage_on(), options.cascade_on()
    stream: Iterator[Prepared | Rejection | Record] = (
        _triaged(item) if triage else item for item in items
    )
    processes = 1 if cascade else options.processes_in_force()
    if processes > 1:
        # The stream's first items, up to PARALLEL_MIN_DOCS documents (the rest stays
        # in the stream), decide whether workers pay.
        head = next(_chunks(stream, PARALLEL_MIN_DOCS), [])
        if sum(isinstance(item, Prepared) for item in head) >= PARALLEL_MIN_DOCS:
            yield from _analyse_in_processes(options, chain(head, stream), processes=processes)
            return
        stream = iter(head)
    batch: list[Prepared | Rejection | Record] = []
    waiting = 0  # documents in the batch that wait for the parser
    for result in stream:
        if not isinstance(result, Prepared) and not waiting:
            yield result  # nothing before it is waiting: input order is kept
            continue
        batch.append(result)
        waiting += isinstance(result, Prepared)
        if waiting >= options.batch_size:
            yield from _run_batch(nlp, batch, cascade=cascade)
            batch, waiting = [], 0
    if batch:
        yield from _run_batch(nlp, batch, cascade=cascade)


def _triaged(item: Prepared | Rejection) -> Prepared | Rejection | Record:
    """The item, or its triaged-out record when triage finds no event cue enough."""
    if isinstance(item, Prepared):
        decision = triage_text(item.text)
        if not decision.keep:
            return triaged_record(item, decision.reason or "triaged out")
    return item


def _analyse_in_processes(
    options: PipelineOptions,
    stream: Iterable[Prepared | Rejection | Record],
    *,
    processes: int,
) -> Iterator[Record | Rejection]:
    """``analyse_stream`` on ``processes`` forked workers, ``PARALLEL_BATCH_SIZE``
    documents a task; results come back in input order.

    Each worker parses, extracts and resolves whole documents, so the work spreads
    evenly and this process only reads, triages and hands out. The workers are forked
    after ``warm_up``, so they share the model, gazetteer and lexicons it loaded
    instead of loading their own.
    """
    warm_up(options.spacy_model)
    workers = _Workers(processes, options.spacy_model)
    # In input order: each run of items, with the task analysing it (None: no item
    # of the run needs a parse, such as rejections and triaged-out records).
    order: deque[tuple[list[Prepared | Rejection | Record], _Task | None]] = deque()
    in_flight = IN_FLIGHT_PER_PROCESS * processes
    try:
        for chunk in _chunks(stream, PARALLEL_BATCH_SIZE):
            needs_parse = any(isinstance(item, Prepared) for item in chunk)
            order.append((chunk, workers.submit(chunk) if needs_parse else None))
            while sum(task is not None for _, task in order) >= in_flight:
                yield from workers.settle(*order.popleft())
        while order:
            yield from workers.settle(*order.popleft())
    finally:
        workers.close()


# A task of the worker processes: the results of one chunk, in order.
_Task = Future[list[Record | Rejection]]


class _Workers:
    """The forked worker processes, forked again when one dies.

    A worker that dies (killed for memory, a crash in native code) breaks the whole
    pool, and every task in flight fails with it. Those tasks' documents are then
    analysed again one at a time, each in a process of its own, so only a document
    that kills its worker a second time is lost to the run: it becomes a rejection
    (stage ``scale``, E090), as a Dask part that fails on every try does.
    """

    def __init__(self, processes: int, spacy_model: str | None) -> None:
        self.processes = processes
        self.spacy_model = spacy_model
        self.pool = self._fork(processes)

    @staticmethod
    def _fork(processes: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))

    def submit(
        self, chunk: list[Prepared | Rejection | Record]
    ) -> Future[list[Record | Rejection]]:
        try:
            return self.pool.submit(_analyse_chunk, self.spacy_model, chunk)
        except BrokenProcessPool:
            self.pool.shutdown(cancel_futures=True)
            self.pool = self._fork(self.processes)
            return self.pool.submit(_analyse_chunk, self.spacy_model, chunk)

    def settle(
        self,
        chunk: list[Prepared | Rejection | Record],
        task: _Task | None,
    ) -> list[Record | Rejection]:
        """The chunk's results in order (waiting for its task)."""
        if task is not None:
            try:
                return task.result()
            except BrokenProcessPool:
                pass
        return [self._alone(item) if isinstance(item, Prepared) else item for item in chunk]

    def _alone(self, item: Prepared) -> Record | Rejection:
        """``item`` analysed in a process of its own; a rejection if that one dies too."""
        with self._fork(1) as solo:
            try:
                return solo.submit(_analyse_chunk, self.spacy_model, [item]).result()[0]
            except BrokenProcessPool:
                reason = "the worker process analysing it died, twice"
                error = SitroomError(Codes.E090, stage="scale", reason=reason)
                return _rejection(item.raw.source.path, error)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _chunks(
    stream: Iterable[Prepared | Rejection | Record], documents: int
) -> Iterator[list[Prepared | Rejection | Record]]:
    """Runs of items holding ``documents`` documents to parse (the last one fewer)."""
    chunk: list[Prepared | Rejection | Record] = []
    waiting = 0
    for item in stream:
        chunk.append(item)
        waiting += isinstance(item, Prepared)
        if waiting >= documents:
            yield chunk
            chunk, waiting = [], 0
    if chunk:
        yield chunk


def _analyse_chunk(
    spacy_model: str | None, chunk: list[Prepared | Rejection | Record]
) -> list[Record | Rejection]:
    """One task of ``_analyse_in_processes`` (runs in a worker)."""
    return list(_run_batch(get_nlp(spacy_model), chunk))


# A short report we wrote, run through the whole pipeline before workers start: it
# loads what a first document otherwise loads lazily (the spaCy model, the language
# identifier, the gazetteer, the lexicons and cue tables, dateparser's data), so
# workers forked after it share all that and no task pays for it.
WARM_UP_TEXT = (
    "Police said gunmen killed two villagers near Srinagar on Monday night. "
    '"We heard the shots," a witness told reporters a fortnight ago.'
)
WARM_UP_DAY = date(2020, 1, 15)


def warm_up(spacy_model: str | None) -> list[Record | Rejection]:
    """Run the pipeline once on ``WARM_UP_TEXT`` (triage off, so every stage runs)."""
    from sitroom.resolve.dates import resolve_date

    options = PipelineOptions(
        spacy_model=spacy_model, published=WARM_UP_DAY, triage=False, processes=1
    )
    source = Source(path="warm-up", format="txt")
    raw = RawDocument(source=source, text=WARM_UP_TEXT, encoding="utf-8")
    results = list(process([raw], options=options))
    # The long tail of date phrases goes to dateparser, which builds its tables once.
    resolve_date("a fortnight ago", published=WARM_UP_DAY)
    return results


def process(
    items: Iterable[RawDocument | Rejection], *, options: PipelineOptions = PipelineOptions()
) -> Iterator[Record | Rejection]:
    """Run repair → clean → nlp → extract → resolve over a stream, one result per input."""
    return analyse_stream(prepare_stream(items, options=options), options=options)


def _run_batch(
    nlp: Language, batch: list[Prepared | Rejection | Record], *, cascade: bool = False
) -> Iterator[Record | Rejection]:
    prepared = [item for item in batch if isinstance(item, Prepared)]
    docs = iter(parse_texts(nlp, [p.text for p in prepared], cascade=cascade))
    for item in batch:
        yield _analysed(nlp, item, next(docs)) if isinstance(item, Prepared) else item


def _analysed(nlp: Language, item: Prepared, doc: Doc) -> Record | Rejection:
    try:
        return analyse(item, doc, partial(parse_headline, nlp, item.title))
    except SitroomError as error:
        return _rejection(item.raw.source.path, error)


def run(
    paths: Sequence[str | Path], *, options: PipelineOptions = PipelineOptions()
) -> Iterator[Record | Rejection]:
    """Ingest ``paths`` (files, directories, ``-`` for stdin) and process every document."""
    return process(iter_raw(paths, options=options.ingest), options=options)
