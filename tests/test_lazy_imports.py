"""Commands that do not parse never import spaCy (issue 18: startup cost).

Each check runs in a fresh interpreter, because this test process has usually
imported spaCy already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "thinc", "trafilatura", "sitroom.pipeline")

_PROBE = """
import json, sys
from typer.testing import CliRunner
from sitroom.cli import app
runner = CliRunner()
codes = [runner.invoke(app, args).exit_code for args in json.loads(sys.argv[1])]
if sys.argv[3] == "serve":
    import sitroom.serve
loaded = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
print(json.dumps({"codes": codes, "loaded": loaded}))
"""


def _probe(
    commands: list[list[str]], modules: tuple[str, ...] = HEAVY, *, then: str = "serve"
) -> dict[str, list[object]]:
    """Exit codes of ``commands`` run in one fresh interpreter, and which of ``modules``
    it loaded (after importing ``sitroom.serve`` too, unless ``then`` is not "serve")."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(commands), json.dumps(modules), then],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, list[object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_store_commands_and_help_do_not_import_spacy(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    commands = [
        ["--help"],
        ["events", "--db", db, "--format", "json"],
        ["rejections", "--db", db],
        ["export", "--db", db, "--format", "geojson"],
    ]
    result = _probe(commands)
    assert result["codes"] == [0, 0, 0, 0]
    assert result["loaded"] == []


def test_events_on_a_current_sqlite_store_imports_no_sqlalchemy(tmp_path: Path) -> None:
    # sitroom/store/event_rows.py: a store with every migration applied is read
    # through sqlite3; tests/test_event_rows.py checks the rows are the Store's.
    from sitroom.store import Store

    db = str(tmp_path / "current.db")
    Store(db).close()
    result = _probe([["events", "--db", db, "--format", "json"]], ("sqlalchemy",), then="")
    assert result == {"codes": [0], "loaded": []}


def test_the_api_still_loads_the_pipeline_when_used() -> None:
    code = (
        "import sys, sitroom; f = sitroom.extract_records; "
        "print(callable(f), 'spacy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == ["True", "True"]
