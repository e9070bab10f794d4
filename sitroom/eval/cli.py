"""``sitroom eval ...``: print ours next to the anchor, from one run, on shared benchmarks."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitroom.eval.gate import check_against_anchor, check_floors, load_floors
from sitroom.eval.report import BenchmarkDataMissing, EvalReport, to_json

eval_app = typer.Typer(help="Score sitroom on ../shared/benchmarks next to an anchor.")
# Eval tables are read in CI logs as often as in terminals: never fold them narrow.
WIDE = 160
out = Console(width=None if sys.stdout.isatty() else WIDE)
err = Console(stderr=True)

# name → (module, function); imported lazily so one eval's dependencies never
# slow down or break another.
EVALS: dict[str, tuple[str, str]] = {
    "clean": ("sitroom.eval.clean", "run_clean_eval"),
    "quotes": ("sitroom.eval.quotes", "run_quotes_eval"),
    "events": ("sitroom.eval.events", "run_events_eval"),
    "geo": ("sitroom.eval.geo", "run_geo_eval"),
    "reports": ("sitroom.eval.reports", "run_reports_eval"),
    "dedupe": ("sitroom.eval.dedupe", "run_dedupe_eval"),
}

LimitOpt = Annotated[
    int | None, typer.Option(help="Score at most this many items per dataset (quick runs).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]


def run_eval(name: str, *, limit: int | None = None) -> EvalReport:
    module_name, function_name = EVALS[name]
    runner: Callable[..., EvalReport] = getattr(import_module(module_name), function_name)
    return runner(limit=limit)


NUMERIC_COLUMNS = frozenset({"n", "sitroom", "anchor value", "check value"})


def print_report(report: EvalReport, seconds: float) -> None:
    table = Table(title=f"sitroom eval {report.name}  ({seconds:.1f} s)")
    checked = any(row.check for row in report.rows)
    columns = ["dataset", "metric", "n", "sitroom", "anchor", "anchor value"]
    columns += ["check", "check value"] if checked else []
    for column in columns:
        table.add_column(
            column,
            justify="right" if column in NUMERIC_COLUMNS else "left",
        )
    for row in report.rows:
        cells = [
            row.dataset,
            row.metric,
            "" if row.n is None else str(row.n),
            _fmt(row.ours, row.metric),
            row.anchor or "",
            "" if row.anchor_value is None else _fmt(row.anchor_value, row.metric),
        ]
        if checked:
            cells += [
                row.check or "",
                "" if row.check_value is None else _fmt(row.check_value, row.metric),
            ]
        table.add_row(*cells)
    out.print(table)
    for note in report.notes:
        out.print(f"  · {note}")


RATE_WORDS = (
    "rate", "f1", "precision", "recall", "accuracy", "acc", "share", "match", "removed", "_ok",
)


def _fmt(value: float, metric: str) -> str:
    is_rate = any(word in metric.lower() for word in RATE_WORDS)
    if float(value).is_integer() and not is_rate:
        return f"{value:.0f}"
    return f"{value:.3f}"


def _command(name: str) -> Callable[[int | None, bool], None]:
    def command(limit: LimitOpt = None, as_json: JsonOpt = False) -> None:
        started = time.perf_counter()
        try:
            with err.status(f"sitroom eval {name}: scoring on ../shared/benchmarks…"):
                report = run_eval(name, limit=limit)
        except BenchmarkDataMissing as missing:
            err.print(f"[yellow]skipped[/yellow]: {missing}")
            raise typer.Exit(code=0) from missing
        seconds = time.perf_counter() - started
        if as_json:
            sys.stdout.write(json.dumps(to_json(report), indent=2) + "\n")
        else:
            print_report(report, seconds)

    command.__doc__ = f"Evaluate the {name} stage."
    return command


for _name in EVALS:
    if _name != "reports":
        eval_app.command(name=_name)(_command(_name))


@eval_app.command()
def reports(
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="List, per report, what is wrong with each event.")
    ] = False,
) -> None:
    """Evaluate the whole pipeline on real reports (sitroom-reports), end to end."""
    from sitroom.eval.reports import explain_lines, run_reports, to_report

    started = time.perf_counter()
    try:
        with err.status("sitroom eval reports: running the pipeline on every gold report…"):
            result = run_reports(limit=limit)
    except BenchmarkDataMissing as missing:
        err.print(f"[yellow]skipped[/yellow]: {missing}")
        raise typer.Exit(code=0) from missing
    report = to_report(result)
    if as_json:
        sys.stdout.write(json.dumps(to_json(report), indent=2) + "\n")
        return
    if explain:
        for line in explain_lines(result):
            out.print(line, markup=False, highlight=False)
    print_report(report, time.perf_counter() - started)


@eval_app.command()
def gate(
    floors: Annotated[Path, typer.Option(help="JSON file of pinned floors.")] = Path(
        "benchmarks/eval_floors.json"
    ),
    only: Annotated[list[str] | None, typer.Option(help="Run only these evals.")] = None,
) -> None:
    """Run the evals and fail if any figure falls below its pinned floor."""
    pinned = load_floors(floors)
    failures: list[str] = []
    for name in only or list(EVALS):
        if name not in pinned:
            continue
        started = time.perf_counter()
        try:
            with err.status(f"sitroom eval {name}…"):
                report = run_eval(name, limit=pinned[name].get("limit"))
        except BenchmarkDataMissing as missing:
            err.print(f"[yellow]skipped {name}[/yellow]: {missing}")
            continue
        print_report(report, time.perf_counter() - started)
        failures.extend(check_floors(report, pinned[name]["floors"]))
        failures.extend(check_against_anchor(report, pinned[name].get("at_least_anchor", [])))
    for failure in failures:
        err.print(f"[red]below floor[/red] {failure}")
    if failures:
        raise typer.Exit(code=1)
    out.print("[green]all pinned floors met[/green]")
