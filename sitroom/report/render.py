"""A brief as HTML (self-contained), PDF (WeasyPrint, from the same HTML) or Markdown."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from sitroom.colours import type_colour as colour
from sitroom.report import text
from sitroom.report.charts import map_png, timeline_png
from sitroom.report.figures import Brief, Change, Report
from sitroom.report.shapes import STATIC, shape_rings

TEMPLATES = Environment(
    loader=PackageLoader("sitroom.report", "templates"),
    autoescape=select_autoescape(["html"]),
)


@dataclass(frozen=True, slots=True)
class Pictures:
    map: bytes | None
    timeline: bytes | None
    shapes: bool  # whether country outlines were drawn under the map


def draw(brief: Brief, shapes: Path | None = STATIC) -> Pictures:
    """The map (on the outlines vendored under ``shapes``, if any) and the timeline."""
    return Pictures(
        map=map_png(brief.incidents, shapes),
        timeline=timeline_png(brief.incidents, brief.period),
        shapes=bool(shape_rings(shapes)),
    )


def _data_uri(png: bytes | None) -> str | None:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else None


def headline_rows(brief: Brief) -> list[tuple[str, Change]]:
    h = brief.headline
    return [
        ("Incidents", h.incidents),
        ("Reports (stored events)", h.reports),
        ("Fatalities, conservative (lowest reported)", h.fatalities_low),
        ("Fatalities, highest reported", h.fatalities_high),
    ]


def render_html(brief: Brief, pictures: Pictures | None = None) -> str:
    pictures = pictures or draw(brief)
    return TEMPLATES.get_template("brief.html").render(
        b=brief,
        t=text,
        colour=colour,
        headline_rows=headline_rows(brief),
        map_uri=_data_uri(pictures.map),
        timeline_uri=_data_uri(pictures.timeline),
        shapes=pictures.shapes,
    )


def render_pdf(brief: Brief, pictures: Pictures | None = None) -> bytes:
    # Imported here: WeasyPrint loads Pango through cffi, which only PDF output needs.
    from weasyprint import HTML

    pdf = HTML(string=render_html(brief, pictures)).write_pdf()
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return pdf


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def render_markdown(brief: Brief, images: dict[str, str] | None = None) -> str:
    """Markdown for chat or email; ``images`` maps 'map'/'timeline' to files written beside."""
    images = images or {}
    out = [
        f"# Situation brief: {text.filters(brief)}",
        "",
        f"Period {text.period(brief)}; compared with {text.previous(brief)}.",
        "",
    ]
    if brief.empty:
        out += [f"**{text.empty_statement(brief)}**", ""]
    out += ["## Headline figures", "", "| figure | this period | previous period | change |"]
    out.append("|---|---:|---:|---:|")
    for label, c in headline_rows(brief):
        out.append(
            f"| {label} | {text.number(c.current)} | {text.number(c.previous)} "
            f"| {text.change(c)} |"
        )
    h = brief.headline
    out += [
        "",
        f"Fatalities: {text.toll_range(h.fatalities_low.current, h.fatalities_high.current)} "
        f"(ACLED conservative figure: {text.number(h.fatalities_low.current)}). "
        f"Incidents with a reported toll: {text.share(h.with_toll, h.incidents.current)}.",
        "",
    ]
    if brief.by_type:
        out += [
            "| event type | incidents | previous | change | fatalities (low–high) | previous |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for f in brief.by_type:
            out.append(
                f"| {f.event_type} | {text.number(f.incidents.current)} "
                f"| {text.number(f.incidents.previous)} | {text.change(f.incidents)} "
                f"| {text.toll_range(f.fatalities_low.current, f.fatalities_high.current)} "
                f"| {text.toll_range(f.fatalities_low.previous, f.fatalities_high.previous)} |"
            )
        out.append("")
    for key, title in (("map", "Map"), ("timeline", "Weekly timeline")):
        if key in images:
            out += [f"![{title}]({images[key]})", ""]
    if brief.top:
        out += ["## Top incidents by toll", ""]
        for n, i in enumerate(brief.top, 1):
            out.append(
                f"{n}. **{text.dates(i.date_start, i.date_end)} · {_cell(text.place(i))} · "
                f"{i.sub_event_type}** — toll: {text.toll(i.fatalities_low, i.fatalities_high)}; "
                f"{i.certainty}; actors: {text.actors(i.actors)}."
            )
            if i.notes:
                out.append(f"   {i.notes}")
            for r in i.reports:
                out.append(f"   - {_report_line(r, brief)}")
        out.append("")
    if brief.contested:
        out += [
            "## Contested figures",
            "",
            f"Incidents whose reports disagree: {text.number(brief.contested_total)}.",
            "",
        ]
        for disputed in brief.contested:
            i = disputed.incident
            out.append(
                f"- **{text.dates(i.date_start, i.date_end)} · {text.place(i)} · "
                f"{i.sub_event_type}**: reports differ on {', '.join(disputed.disagree_on)}"
            )
            for r in i.reports:
                named = [a for a in (r.actor1, r.actor2) if a]
                out.append(
                    f"  - {_report_line(r, brief)} Actors: {text.actors(named)}; "
                    f"dates: {text.dates(r.date_start, r.date_end)}."
                )
        out.append("")
    out += ["## Caveats", ""] + [f"- {line}" for line in text.caveat_lines(brief)] + [""]
    out += ["---", "", " ".join(text.methods_lines(brief)), ""]
    return "\n".join(out)


def _report_line(report: Report, brief: Brief) -> str:
    sources = ", ".join(text.source(s) for s in report.sources) or "none named"
    when = f", {report.published}" if report.published else ""
    links = " ".join(
        f"[{label}]({href})" for label, href in text.evidence_links(report, brief.link_base)
    )
    tail = f" {links}" if links else ""
    return (
        f"{text.outlet(report)}{when}: {text.report_toll(report)}; sources: {sources}.{tail} "
        f"[event {report.event_id}]"
    )


def write_images(pictures: Pictures, markdown_path: Path) -> dict[str, str]:
    """Write the pictures beside a Markdown brief; names relative to it."""
    names = {}
    for key, png in (("map", pictures.map), ("timeline", pictures.timeline)):
        if png:
            target = markdown_path.with_name(f"{markdown_path.stem}.{key}.png")
            target.write_bytes(png)
            names[key] = target.name
    return names
