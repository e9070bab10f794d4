"""Every setting and every CLI command is documented (datasette's test_docs idea)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from sitroom.cli import app
from sitroom.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in text, setting.name
        assert f"`{setting.env}`" in text, setting.env
        assert f"`{setting.default}`" in text, setting.default


def test_every_cli_command_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    group = typer.main.get_group(app)
    for name, command in group.commands.items():
        assert f"sitroom {name}" in readme, f"`sitroom {name}` is not documented in README.md"
        sub = getattr(command, "commands", None)
        for subname in sub or {}:
            assert f"sitroom {name} {subname}" in readme, f"sitroom {name} {subname}"


def test_readme_opens_with_the_two_commands() -> None:
    head = README.read_text(encoding="utf-8")[:1500]
    assert "make demo" in head and "make test" in head
