"""The command line: a thin Typer shell over :mod:`sitroom.api`.

Errors become messages only here; library code never prints.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections import Counter
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitroom import api
from sitroom import export as exporting
from sitroom.errors import SitroomError
from sitroom.eval.cli import eval_app
from sitroom.exit_status import ExitCode, run_status
from sitroom.ingest import IngestOptions, expand_paths, input_problem
from sitroom.records import Rejection, to_dict
from sitroom.settings import get_settings
from sitroom.store import EVENT_ROW_COLUMNS, EventQuery, Store
from sitroom.store.check import check_store

app = typer.Typer(
    name="sitroom",
    help="Turn raw conflict reports into a sourced, geocoded, deduplicated event database.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(eval_app, name="eval")

# Tables piped to a file or read in a CI log are never folded to 80 columns.
WIDE = 200
out = Console(width=None if sys.stdout.isatty() else WIDE)
err = Console(stderr=True)


class RecordFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


PathsArg = Annotated[
    list[str], typer.Argument(help="Files, directories (read recursively) or '-' for stdin.")
]
DbOpt = Annotated[
    str | None, typer.Option("--db", help="SQLite file or database URL [default: sitroom.db].")
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD, for relative dates."),
]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline package to load.")]
TextFieldOpt = Annotated[
    str, typer.Option("--text-field", help="JSON lines: field holding the report text.")
]


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"not a YYYY-MM-DD date: {value!r}", param_hint="--published"
        ) from exc


def _db(value: str | None) -> str:
    return value or get_settings().database


def _fail(error: SitroomError) -> None:
    err.print(f"[red]error[/red] [{error.code.name}] {error.detail}")
    raise typer.Exit(code=ExitCode.USAGE)


def _warn(message: str) -> None:
    # soft_wrap: a path is never broken across lines, so scripts can grep for it.
    err.print(f"[yellow]warning[/yellow] {escape(message)}", soft_wrap=True)


def _require_input(paths: list[str]) -> None:
    """Warn about each input that cannot be read; exit 3 when none can."""
    readable = 0
    for entry in expand_paths(paths):
        problem = None if entry == "-" else input_problem(Path(entry))
        if problem is None:
            readable += 1
        else:
            _warn(f"{entry}: {problem}")
    if not readable:
        _warn(f"no input found in {' '.join(paths)}: nothing to read")
        raise typer.Exit(code=ExitCode.NOTHING_TO_READ)


def _exit_with(status: ExitCode, rejected: int) -> None:
    if status is ExitCode.NOTHING_TO_READ:
        _warn("no document could be read: nothing to read")
    elif rejected:
        _warn(f"{rejected} rejected: see `sitroom rejections`")
    if status is not ExitCode.OK:
        raise typer.Exit(code=status)


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    output_format: Annotated[
        RecordFormat, typer.Option("--format", help="json: one indented object per document.")
    ] = RecordFormat.json,
    model: ModelOpt = None,
    text_field: TextFieldOpt = "text",
) -> None:
    """Print the record of every document to stdout (rejections go to stderr).

    Exit status: 0 all read, 1 some rejected, 2 usage error, 3 nothing to read.
    """
    when = _published(published)
    _require_input(paths)
    options = IngestOptions(text_field=text_field)
    stored = 0
    codes: Counter[str] = Counter()
    try:
        for item in api.extract(paths, published=when, spacy_model=model, ingest_options=options):
            if isinstance(item, Rejection):
                codes[item.code] += 1
                err.print(f"[yellow]rejected[/yellow] {item.path}: [{item.code}] {item.detail}")
                continue
            stored += 1
            indent = 2 if output_format is RecordFormat.json else None
            sys.stdout.write(json.dumps(to_dict(item), ensure_ascii=False, indent=indent) + "\n")
    except SitroomError as error:
        _fail(error)
    _exit_with(run_status(accepted=stored, rejections_by_code=codes), codes.total())


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    text_field: TextFieldOpt = "text",
    workers: Annotated[
        int, typer.Option(min=1, help="Dask worker processes (1: in this process).")
    ] = 1,
) -> None:
    """Process documents and store them; already stored documents are skipped.

    Exit status: 0 all stored or skipped, 1 some rejected, 2 usage error, 3 nothing to read.
    """
    when = _published(published)
    _require_input(paths)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TextColumn(
            "stored {task.fields[stored]} · skipped {task.fields[skipped]} · "
            "rejected {task.fields[rejected]}"
        ),
        TimeElapsedColumn(),
        TextColumn("{task.fields[path]}", style="dim"),
        console=err,
        transient=True,
    )
    task = progress.add_task("ingest", total=None, stored=0, skipped=0, rejected=0, path="")

    def on_progress(summary: api.IngestSummary, path: str) -> None:
        progress.update(
            task,
            completed=summary.seen,
            stored=summary.stored,
            skipped=summary.skipped,
            rejected=summary.rejected,
            path=Path(path).name[-40:],
        )

    try:
        with progress:
            summary = api.ingest(
                paths,
                db=_db(db),
                published=when,
                spacy_model=model,
                ingest_options=IngestOptions(text_field=text_field),
                progress=on_progress,
                workers=workers,
            )
    except SitroomError as error:
        _fail(error)
        return
    _print_summary(summary, _db(db))
    accepted = summary.stored + summary.skipped
    _exit_with(
        run_status(accepted=accepted, rejections_by_code=summary.rejections_by_code),
        summary.rejected,
    )


def _print_summary(summary: api.IngestSummary, db: str) -> None:
    table = Table(title=f"sitroom ingest → {db}", show_header=True)
    table.add_column("documents", justify="left")
    table.add_column("count", justify="right")
    table.add_row("stored", str(summary.stored))
    table.add_row("skipped (already present)", str(summary.skipped))
    table.add_row("rejected", str(summary.rejected))
    for code, count in sorted(summary.rejections_by_code.items()):
        table.add_row(f"  rejected {code}", str(count))
    table.add_row("event clusters in database", str(summary.clusters))
    out.print(table)
    if summary.events_by_type:
        events = Table(title="events stored by type")
        events.add_column("event type")
        events.add_column("count", justify="right")
        for event_type, count in summary.events_by_type.most_common():
            events.add_row(event_type, str(count))
        out.print(events)




# What fits a terminal; csv and json carry every column.
TABLE_EVENT_COLUMNS = (
    "id", "date_start", "sub_event_type", "actor1", "actor2", "location", "country",
    "fatalities_low", "certainty", "cluster_id",
)


@app.command()
def events(
    db: DbOpt = None,
    country: Annotated[str | None, typer.Option(help="Country name, e.g. Syria.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Event type or sub-event type.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """Query the stored events."""
    if since is not None:
        _published(since)
    store = Store(_db(db))
    rows = store.events(
        EventQuery(country=country, event_type=event_type, since=since, limit=limit)
    )
    _print_rows(rows, EVENT_ROW_COLUMNS, output_format, title="events")


@app.command()
def rejections(
    db: DbOpt = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """List documents that could not be processed, with stage, code and reason."""
    rows = Store(_db(db)).rejections()
    columns = ("path", "stage", "code", "detail", "times_seen", "last_seen")
    _print_rows(rows, columns, output_format, title="rejections")


def _print_rows(
    rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: TableFormat, *, title: str
) -> None:
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is TableFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(title=f"{title} ({len(rows)})")
    shown = list(TABLE_EVENT_COLUMNS) if title == "events" else list(columns)
    for column in shown:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in shown))
    out.print(table)


@app.command()
def check(
    db: DbOpt = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """Verify a store: migrations, foreign keys, offsets, evidence, clusters.

    Prints every problem found; exits 1 when there is any, 0 when the store is sound.
    """
    target = _db(db)
    if "://" not in target and not Path(target).expanduser().exists():
        err.print(f"[red]error[/red] no such database: {escape(target)}", soft_wrap=True)
        raise typer.Exit(code=ExitCode.USAGE)
    report = check_store(Store(target, apply_migrations=False))
    rows = [{"kind": p.kind, "where": p.where, "detail": p.detail} for p in report.problems]
    if output_format is not TableFormat.table or rows:
        _print_rows(rows, ("kind", "where", "detail"), output_format, title="problems")
    err.print(
        f"checked {report.documents} documents, {report.events} events, "
        f"{report.clusters} clusters: "
        + ("no problems" if report.ok else f"{len(report.problems)} problems"),
        soft_wrap=True,
    )
    if not report.ok:
        raise typer.Exit(code=1)


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"


@app.command()
def export(
    db: DbOpt = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="acled-csv, geojson or jsonl (full records).")
    ] = ExportFormat.acled_csv,
    country: Annotated[str | None, typer.Option(help="Country name, e.g. Syria.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Event type or sub-event type.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")] = None,
) -> None:
    """Write stored events (or full records) to stdout for use in other tools."""
    store = Store(_db(db))
    query = EventQuery(country=country, event_type=event_type, since=since)
    if output_format is ExportFormat.acled_csv:
        count = exporting.write_acled_csv(store, sys.stdout, query)
        err.print(f"exported {count} events")
    elif output_format is ExportFormat.geojson:
        collection, unlocated = exporting.geojson(store, query)
        sys.stdout.write(json.dumps(collection, ensure_ascii=False) + "\n")
        err.print(
            f"exported {len(collection['features'])} events; "
            f"{unlocated} without coordinates left out"
        )
    else:
        for record in exporting.iter_records(store):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the JSON API and the dashboard."""
    import uvicorn

    from sitroom.serve import create_app

    uvicorn.run(create_app(_db(db)), host=host, port=port)


# Libraries whose warnings about single odd pages (trafilatura: "discarding data",
# htmldate: no date found) are expected on scraped input; rejections already say
# what went wrong per document, so only their errors are shown.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")


def main() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    app()
