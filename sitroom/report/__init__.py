"""Situation briefs: what an analyst sends, written from the database with every figure sourced.

``build_brief(store, filters)`` computes the figures (a frozen ``Brief``);
``render_brief(store, filters, fmt)`` returns the brief as HTML, PDF or Markdown bytes
(the dashboard's button calls it with its current filters); ``write_brief`` writes a
file, choosing the format from its suffix.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from sitroom.report.compute import build_brief, resolve_period
from sitroom.report.figures import Brief, Period, ReportFilters
from sitroom.report.render import draw, render_html, render_markdown, render_pdf, write_images
from sitroom.store import Store


class BriefFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    md = "md"

    @classmethod
    def of(cls, path: str | Path) -> BriefFormat:
        suffix = Path(path).suffix.lower().lstrip(".")
        aliases = {"htm": "html", "markdown": "md"}
        try:
            return cls(aliases.get(suffix, suffix))
        except ValueError:
            raise ValueError(
                f"cannot tell the brief's format from {str(path)!r}: use .html, .pdf or .md"
            ) from None


def render_brief(
    store: Store,
    filters: ReportFilters | None = None,
    fmt: BriefFormat | str = BriefFormat.html,
    *,
    link_base: str | None = None,
) -> bytes:
    """The brief for ``filters`` as bytes: HTML and Markdown in UTF-8 (Markdown without
    pictures), or PDF. The dashboard's brief button calls this with its current filters."""
    brief = build_brief(store, filters, link_base=link_base)
    kind = BriefFormat(fmt)
    if kind is BriefFormat.pdf:
        return render_pdf(brief)
    if kind is BriefFormat.md:
        return render_markdown(brief).encode("utf-8")
    return render_html(brief).encode("utf-8")


def write_brief(
    store: Store,
    filters: ReportFilters,
    out: str | Path,
    *,
    link_base: str | None = None,
) -> Brief:
    """Write the brief to ``out`` (.html, .pdf or .md; a Markdown brief gets its pictures
    written beside it as ``NAME.map.png`` and ``NAME.timeline.png``)."""
    path = Path(out)
    kind = BriefFormat.of(path)
    brief = build_brief(store, filters, link_base=link_base)
    pictures = draw(brief)
    if kind is BriefFormat.pdf:
        path.write_bytes(render_pdf(brief, pictures))
    elif kind is BriefFormat.md:
        images = write_images(pictures, path)
        path.write_text(render_markdown(brief, images), encoding="utf-8")
    else:
        path.write_text(render_html(brief, pictures), encoding="utf-8")
    return brief


__all__ = [
    "Brief",
    "BriefFormat",
    "Period",
    "ReportFilters",
    "build_brief",
    "render_brief",
    "render_html",
    "render_markdown",
    "render_pdf",
    "resolve_period",
    "write_brief",
]
