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
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitroom.errors import SitroomError
from sitroom.eval.cli import eval_app
from sitroom.exit_status import ExitCode, run_status
from sitroom.settings import get_settings

# The store, ingest and the API (which loads spaCy) are imported inside the commands
# that use them, so `sitroom --help`, `events`, `export`, `serve` and `rejections`
# start without importing spaCy (tests/test_lazy_imports.py,
# benchmarks/startup.py).
if TYPE_CHECKING:
    from sitroom import api

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
    from sitroom.ingest import expand_paths, input_problem

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
    from sitroom import api
    from sitroom.ingest import IngestOptions
    from sitroom.records import Rejection, to_dict

    when = _published(published)
    _require_input(paths)
    options = IngestOptions(text_field=text_field)
    stored = 0
    codes: Counter[str] = Counter()
    try:
        records = api.extract_records(
            paths, published=when, spacy_model=model, ingest_options=options
        )
        for item in records:
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
    scheduler: Annotated[
        str | None,
        typer.Option(
            envvar="SITROOM_DASK_SCHEDULER",
            help="Address of a running Dask scheduler (tcp://host:8786); see docs/scale.md.",
        ),
    ] = None,
) -> None:
    """Process documents and store them; already stored documents are skipped.

    Exit status: 0 all stored or skipped, 1 some rejected, 2 usage error, 3 nothing to read.
    """
    from sitroom import api
    from sitroom.ingest import IngestOptions

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
        # Redrawn from this thread as each document is stored, not by rich's refresh
        # thread: ingest forks worker processes, and a fork while another thread holds
        # the terminal's lock would leave the child a lock nobody can release.
        auto_refresh=False,
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
            refresh=True,
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
                scheduler=scheduler,
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


def _print_summary(summary: api.IngestSummary, db: str, *, command: str = "ingest") -> None:
    table = Table(title=f"sitroom {command} → {db}", show_header=True)
    table.add_column("documents", justify="left")
    table.add_column("count", justify="right")
    table.add_row("stored", str(summary.stored))
    table.add_row("skipped (already present)", str(summary.skipped))
    table.add_row("rejected", str(summary.rejected))
    if summary.triaged_out:
        table.add_row("  stored unparsed by triage (sitroom triaged)", str(summary.triaged_out))
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
    "id",
    "date_start",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "fatalities_low",
    "certainty",
    "cluster_id",
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
    # Not through sitroom.store's Store: a current SQLite store is read without
    # importing SQLAlchemy, which is a third of this command's start.
    from sitroom.store.event_rows import EventQuery, event_rows

    if since is not None:
        _published(since)
    query = EventQuery(country=country, event_type=event_type, since=since, limit=limit)
    columns, rows = event_rows(_db(db), query)
    _print_rows(rows, columns, output_format, title="events")


@app.command()
def rejections(
    db: DbOpt = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """List documents that could not be processed, with stage, code and reason."""
    from sitroom.store import Store

    rows = Store(_db(db)).rejections()
    columns = ("path", "stage", "code", "detail", "times_seen", "last_seen")
    _print_rows(rows, columns, output_format, title="rejections")


@app.command()
def triaged(
    db: DbOpt = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """List documents triage stored unparsed (too few event cues), with the reason."""
    from sitroom.store import Store

    rows = Store(_db(db)).triaged()
    columns = ("path", "title", "published", "triage", "ingested_at", "id")
    _print_rows(rows, columns, output_format, title="triaged out")


@app.command()
def reprocess(
    db: DbOpt = None,
    model: ModelOpt = None,
    triaged_out: Annotated[
        bool,
        typer.Option("--triaged-out", help="Process in full the documents triage left unparsed."),
    ] = False,
) -> None:
    """Process stored documents again (now: those triage left unparsed)."""
    if not triaged_out:
        err.print("nothing to do: say what to reprocess (--triaged-out)")
        raise typer.Exit(code=2)
    from sitroom import api

    try:
        summary = api.reprocess_triaged(db=_db(db), spacy_model=model)
    except SitroomError as error:
        _fail(error)
        return
    _print_summary(summary, _db(db), command="reprocess --triaged-out")


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
    from sitroom.store import Store
    from sitroom.store.check import check_store

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
    from sitroom import export as exporting
    from sitroom.store import EventQuery, Store

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
def report(
    out: Annotated[
        Path, typer.Option("--out", help="Brief to write: NAME.html, NAME.pdf or NAME.md.")
    ],
    db: DbOpt = None,
    country: Annotated[str | None, typer.Option(help="Country name, e.g. Syria.")] = None,
    admin1: Annotated[str | None, typer.Option(help="Province (admin1) name.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Part of either actor's name, e.g. 'Islamic State'.")
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Event type or sub-event type.")
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", help="First day YYYY-MM-DD [default: first matching event]."),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", help="Last day YYYY-MM-DD [default: last matching event]."),
    ] = None,
    link_base: Annotated[
        str | None,
        typer.Option(help="Dashboard address for links back to evidence, e.g. http://host:8000."),
    ] = None,
) -> None:
    """Write a situation brief (HTML, PDF or Markdown) for a place, actor and period."""
    from sitroom import api

    start, end = _day(date_from, "--from"), _day(date_to, "--to")
    try:
        with err.status(f"writing {out.name}"):
            brief = api.brief(
                out,
                db=_db(db),
                country=country,
                admin1=admin1,
                actor=actor,
                event_type=event_type,
                date_from=start,
                date_to=end,
                link_base=link_base,
            )
    except ValueError as error:
        err.print(f"[red]error[/red] {error}")
        raise typer.Exit(code=2) from None
    h = brief.headline
    err.print(
        f"{h.incidents.current} incidents, {h.reports.current} reports, "
        f"{brief.period.start} to {brief.period.end}"
    )
    sys.stdout.write(f"{out.resolve()}\n")


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}", param_hint=option) from exc


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(help="Host name to answer to (repeatable; default: localhost names)."),
    ] = None,
    tile_url: Annotated[
        str | None, typer.Option(help="Online map tiles, e.g. https://tile.example/{z}/{x}/{y}.png.")
    ] = None,
    token_file: Annotated[
        Path | None, typer.Option(help="Reviewer tokens, one 'name:token' per line (writes).")
    ] = None,
) -> None:
    """Serve the JSON API and the dashboard (read-only unless reviewers have tokens)."""
    import uvicorn

    from sitroom.serve import create_app
    from sitroom.serve.auth import read_token_file
    from sitroom.serve.security import DEFAULT_HOSTS

    hosts = (*DEFAULT_HOSTS, *(allow_host or ()))
    tokens = read_token_file(token_file) if token_file else None
    app = create_app(_db(db), allowed_hosts=hosts, tile_url=tile_url, token_hashes=tokens)
    typer.echo(f"sitroom: open http://{'localhost' if host == '127.0.0.1' else host}:{port}/")
    uvicorn.run(app, host=host, port=port)


user_app = typer.Typer(help="Reviewers who may correct events in the dashboard.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Reviewer name (letters, digits, _.@-).")],
    db: DbOpt = None,
) -> None:
    """Create a reviewer and print their token (shown once; only its hash is stored)."""
    from sitroom.review.users import add_user
    from sitroom.store import Store

    try:
        token = add_user(Store(_db(db)), name)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(token)


# Libraries whose warnings about single odd pages (trafilatura: "discarding data",
# htmldate: no date found) are expected on scraped input; rejections already say
# what went wrong per document, so only their errors are shown.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")


def main() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        get_settings()  # a bad SITROOM_* value is a usage error, said before any work
    except ValueError as error:
        err.print(f"[red]error[/red] {error}")
        raise SystemExit(ExitCode.USAGE) from None
    app()
