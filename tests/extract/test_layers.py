"""Import layers of the extract stage, read from the source (no model, no imports run).

- ``extract.speech`` and ``extract.events`` never import each other;
- ``resolve`` never imports ``extract`` (shared counts live in ``sitroom.numbers``,
  shared vocabulary in ``sitroom.lexicon``);
- a module outside a subpackage of ``extract`` (or outside ``numbers``,
  ``lexicon``) imports only the subpackage itself, its ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "sitroom"
SCOPED_ROOTS = ("sitroom.extract", "sitroom.numbers", "sitroom.lexicon")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _exported(package: str) -> set[str]:
    """The names a package's ``__init__`` lists in ``__all__`` (a function may share a
    submodule's name: ``from sitroom.numbers import casualties`` is the function)."""
    init = ROOT.joinpath(*package.split("."), "__init__.py")
    if not init.exists():
        return set()
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, (ast.List, ast.Tuple))
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        ):
            return {str(e.value) for e in node.value.elts if isinstance(e, ast.Constant)}
    return set()


def _imports(path: Path) -> list[str]:
    """Every ``sitroom`` module ``path`` imports (``from pkg import mod`` counts as ``pkg.mod``)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names if a.name.startswith("sitroom")]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sitroom"):
            module = node.module or ""
            exported = _exported(module)
            subs = [
                f"{module}.{a.name}"
                for a in node.names
                if a.name not in exported and _exists(f"{module}.{a.name}")
            ]
            out += subs or [module]
    return out


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
PACKAGES = sorted(
    name
    for name, path in MODULES.items()
    if path.name == "__init__.py" and name.startswith(SCOPED_ROOTS)
)


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_scoped_packages_found() -> None:
    assert "sitroom.extract.speech.cues" in PACKAGES
    assert "sitroom.extract.events.classify" in PACKAGES
    assert "sitroom.lexicon" in PACKAGES


@pytest.mark.parametrize(("here", "there"), [("speech", "events"), ("events", "speech")])
def test_speech_and_events_never_import_each_other(here: str, there: str) -> None:
    bad = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if _within(name, f"sitroom.extract.{here}")
        for target in _imports(path)
        if _within(target, f"sitroom.extract.{there}")
    ]
    assert bad == []


def test_resolve_never_imports_extract() -> None:
    bad = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if _within(name, "sitroom.resolve")
        for target in _imports(path)
        if _within(target, "sitroom.extract")
    ]
    assert bad == []


def test_outside_a_subpackage_only_its_init_is_imported() -> None:
    bad = [
        f"{name} imports {target} (use {package})"
        for name, path in MODULES.items()
        for target in _imports(path)
        for package in PACKAGES
        if _within(target, package) and not _within(name, package) and target != package
    ]
    assert bad == []
