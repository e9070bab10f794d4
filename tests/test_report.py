"""Situation briefs: every figure against a SQL query on the same database."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sitroom
from sitroom.cli import app
from sitroom.report import (
    BriefFormat,
    ReportFilters,
    build_brief,
    render_brief,
    render_html,
    render_markdown,
)
from sitroom.report.figures import Brief
from sitroom.store import Store
from tests.report_data import build

MARCH = ReportFilters(country="Syria", date_from=date(2024, 3, 1), date_to=date(2024, 3, 14))
SCOPE = "lower(country) = 'syria' AND aggregate = 0"
IN_MARCH = "date_start BETWEEN '2024-03-01' AND '2024-03-14'"
IN_FEBRUARY = "date_start BETWEEN '2024-02-16' AND '2024-02-29'"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "brief.db"
    build(Store(path)).close()
    return path


@pytest.fixture()
def brief(db: Path) -> Brief:
    return build_brief(Store(db), MARCH, version="test")


def sql(db: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


def incidents_sql(db: Path, where: str) -> list[tuple[Any, ...]]:
    """(incident, type, lowest low, highest high, reports) per cluster, straight from SQL."""
    return sql(
        db,
        "SELECT COALESCE(cluster_id, -id), event_type, MIN(fatalities_low), "
        "MAX(COALESCE(fatalities_high, fatalities_low)), COUNT(*) "
        f"FROM events WHERE {SCOPE} AND {where} GROUP BY 1, 2",
    )


def test_headline_and_types_match_sql(db: Path, brief: Brief) -> None:
    now, before = incidents_sql(db, IN_MARCH), incidents_sql(db, IN_FEBRUARY)
    # The two reports of the Deir ez-Zor ambush are one incident.
    assert len(now) == 4 and sum(int(r[4]) for r in now) == 5
    h = brief.headline
    assert (h.incidents.current, h.incidents.previous) == (len(now), len(before))
    assert h.reports.current == sum(int(r[4]) for r in now)
    assert h.fatalities_low.current == sum(int(r[2] or 0) for r in now)
    assert h.fatalities_high.current == sum(int(r[3] or 0) for r in now)
    assert h.fatalities_low.previous == sum(int(r[2] or 0) for r in before)
    assert h.with_toll == sum(1 for r in now if r[2] is not None)
    for figures in brief.by_type:
        rows = [r for r in now if r[1] == figures.event_type]
        assert figures.incidents.current == len(rows)
        assert figures.fatalities_low.current == sum(int(r[2] or 0) for r in rows)
        assert figures.incidents.previous == sum(1 for r in before if r[1] == figures.event_type)
    assert {f.event_type for f in brief.by_type} == {r[1] for r in now + before}


def test_top_incidents_and_their_reports_match_sql(db: Path, brief: Brief) -> None:
    first = brief.top[0]
    [(low, high, n)] = sql(
        db,
        "SELECT MIN(fatalities_low), MAX(fatalities_high), COUNT(*) FROM events "
        f"WHERE {SCOPE} AND {IN_MARCH} GROUP BY cluster_id ORDER BY 1 DESC LIMIT 1",
    )
    assert (first.fatalities_low, first.fatalities_high, len(first.reports)) == (low, high, n)
    assert first.location == "Deir ez-Zor" and first.date_start == "2024-03-04"
    assert set(first.actors) >= {"Islamic State", "Unidentified Armed Group (Syria)"}
    outlets = {r.outlet: r for r in first.reports}
    assert set(outlets) == {"Wire A", "Desk B"}
    [observatory] = outlets["Wire A"].sources
    assert (observatory.source_type, observatory.anonymous) == ("organization", False)
    assert outlets["Desk B"].sources[0].anonymous is True
    assert outlets["Wire A"].url == "https://example.org/wire-a/deir"
    tolls = [i.fatalities_low or 0 for i in brief.top]
    assert tolls == sorted(tolls, reverse=True)


def test_contested_figures_name_each_figure_and_its_source(brief: Brief) -> None:
    assert brief.contested_total == 1
    [disputed] = brief.contested
    assert set(disputed.disagree_on) == {"toll", "actors"}
    figures = {(r.fatalities_low, r.sources[0].name) for r in disputed.incident.reports}
    assert figures == {(18, "Syrian Observatory for Human Rights"), (15, "a war monitor")}


def test_caveats_match_sql(db: Path, brief: Brief) -> None:
    c = brief.caveats
    [(claimed,)] = sql(db, f"SELECT COUNT(*) FROM events WHERE {SCOPE} AND {IN_MARCH} "
                           "AND certainty = 'claimed'")
    [(unconfirmed,)] = sql(db, f"SELECT COUNT(*) FROM events WHERE {SCOPE} AND {IN_MARCH} "
                               "AND certainty = 'unconfirmed'")
    assert (c.claimed, c.unconfirmed) == (claimed, unconfirmed) == (1, 1)
    [(province,)] = sql(db, f"SELECT COUNT(*) FROM events WHERE {SCOPE} AND {IN_MARCH} "
                            "AND geo_precision = 3")
    [(country_only,)] = sql(db, f"SELECT COUNT(*) FROM events WHERE {SCOPE} AND {IN_MARCH} "
                                "AND location IS NULL")
    assert (c.province_level, c.country_level, c.unmapped) == (province, country_only, 1)
    [(undated,)] = sql(db, f"SELECT COUNT(*) FROM events WHERE {SCOPE} AND date_start IS NULL")
    [(aggregates,)] = sql(db, "SELECT COUNT(*) FROM events WHERE lower(country) = 'syria' "
                              f"AND aggregate = 1 AND {IN_MARCH}")
    assert (c.undated_left_out, c.aggregates_left_out) == (undated, aggregates) == (1, 1)
    spans = sql(db, f"SELECT date_start, date_end FROM events WHERE {SCOPE} AND {IN_MARCH}")
    covered = {
        date.fromordinal(day)
        for start, end in spans
        for day in range(date.fromisoformat(str(start)).toordinal(),
                         date.fromisoformat(str(end)).toordinal() + 1)
    }
    assert brief.days_without_events == 14 - len(covered) == 9
    [(published_days,)] = sql(db, "SELECT COUNT(DISTINCT published) FROM documents "
                                  "WHERE published BETWEEN '2024-03-01' AND '2024-03-14'")
    assert c.days_without_documents == 14 - published_days


def test_methods_footer_matches_sql(db: Path, brief: Brief) -> None:
    rows = sql(db, "SELECT d.outlet, COUNT(DISTINCT d.id), MIN(d.published), MAX(d.published) "
                   "FROM events e JOIN documents d ON d.id = e.document_id "
                   f"WHERE {SCOPE} AND {IN_MARCH} GROUP BY d.outlet")
    m = brief.methods
    assert m.documents == sum(int(r[1]) for r in rows)
    assert {(o.name, o.documents) for o in m.outlets} == {(r[0], r[1]) for r in rows}
    assert m.published_first == min(str(r[2]) for r in rows)
    assert m.database.endswith("brief.db") and m.sitroom_version == "test"


def _allowed_numbers(db: Path, brief: Brief) -> set[str]:
    """Every number the Markdown may show: SQL figures, their changes, and stored text."""
    values: set[int] = set()
    for where in (IN_MARCH, IN_FEBRUARY):
        rows = incidents_sql(db, where)
        values |= {len(rows), sum(int(r[4]) for r in rows)}
        values |= {int(r[2]) for r in rows if r[2] is not None}
        values |= {int(r[3]) for r in rows if r[3] is not None}
        for kind in {None} | {r[1] for r in rows}:
            chosen = [r for r in rows if kind in (None, r[1])]
            values |= {len(chosen)}
            values |= {sum(int(r[i] or 0) for r in chosen) for i in (2, 3)}
    figures = [brief.headline.incidents, brief.headline.reports, brief.headline.fatalities_low,
               brief.headline.fatalities_high]
    figures += [f for t in brief.by_type for f in (t.incidents, t.fatalities_low,
                                                    t.fatalities_high)]
    for f in figures:
        assert f.current in values | {0} and f.previous in values | {0}, f
        values |= {abs(f.delta)} | ({abs(f.percent)} if f.percent is not None else set())
    c = brief.caveats
    for part in (c.claimed, c.unconfirmed, c.province_level, c.country_level, c.unplaced,
                 c.unmapped, brief.headline.with_toll):
        values |= {part, round(100 * part / c.incidents)}
    values |= {c.days, brief.days_without_events, c.days_without_documents,
               c.undated_left_out, c.aggregates_left_out, brief.methods.documents}
    values |= {o.documents for o in brief.methods.outlets}
    stored = " ".join(str(r[0]) for r in sql(db, "SELECT notes FROM events"))
    return {str(v) for v in values} | set(re.findall(r"\d+", stored))


def test_every_number_in_the_markdown_comes_from_the_database(db: Path, brief: Brief) -> None:
    text = render_markdown(brief)
    assert "| Incidents | 4 | 1 | +3 (+300%) |" in text
    # Dates, ids and the version are shown as stored, not computed.
    text = re.sub(r"\d{4}-\d{2}-\d{2}(T[\d:+]+)?", " ", text)
    text = re.sub(r"\[event \d+\]|sitroom test|database \S+", " ", text)
    shown = set(re.findall(r"\d+", text.replace(",", "")))
    assert shown and shown <= _allowed_numbers(db, brief)


def test_html_is_self_contained_and_links_back_to_evidence(db: Path) -> None:
    brief = build_brief(Store(db), MARCH, link_base="http://127.0.0.1:8000/")
    html = render_html(brief)
    assert html.count('src="data:image/png;base64,') == 2
    assert "<script" not in html and "<link" not in html and "@import" not in html
    first = brief.top[0].reports[0]
    assert f'href="http://127.0.0.1:8000/events/{first.event_id}"' in html
    assert 'href="https://example.org/wire-a/deir"' in html
    assert "Syrian Observatory for Human Rights (organization, named)" in html


def test_a_period_with_no_events_says_so(db: Path) -> None:
    empty = ReportFilters(country="Syria", date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
    statement = (
        "No events matching country = Syria were recorded between 2025-01-01 and 2025-01-31"
    )
    for kind in BriefFormat:
        if kind is BriefFormat.pdf:
            continue  # the PDF is checked in test_report_pdf.py
        text = render_brief(Store(db), empty, kind).decode("utf-8")
        assert statement in text
        assert "data:image" not in text and "Top incidents" not in text
    brief = build_brief(Store(db), empty)
    assert brief.empty and brief.days_without_events == 31


def test_filters_by_admin1_actor_and_type(db: Path) -> None:
    store = Store(db)
    by_admin = build_brief(store, ReportFilters(admin1="dayr az zawr"))
    assert {i.location for i in by_admin.incidents} == {"Deir ez-Zor"}
    by_actor = build_brief(store, ReportFilters(actor="islamic state"))
    assert [len(i.event_ids) for i in by_actor.incidents] == [1]
    by_type = build_brief(store, ReportFilters(event_type="Armed clash"))
    assert {i.sub_event_type for i in by_type.incidents} == {"Armed clash"}
    # No dates given: the period runs from the first to the last matching event.
    assert (by_type.period.start, by_type.period.end) == (date(2024, 2, 20), date(2024, 3, 4))


def test_cli_and_python_api_write_briefs(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "syria.md"
    result = CliRunner().invoke(
        app,
        ["report", "--db", str(db), "--country", "Syria", "--from", "2024-03-01",
         "--to", "2024-03-14", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    assert (tmp_path / "syria.map.png").read_bytes().startswith(b"\x89PNG")
    assert "![Weekly timeline](syria.timeline.png)" in out.read_text(encoding="utf-8")
    brief = sitroom.brief(tmp_path / "all.html", db=db, country="Iraq")
    assert brief.headline.incidents.current == 1
    assert (tmp_path / "all.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "x.doc")])
    assert bad.exit_code == 2 and "use .html, .pdf or .md" in " ".join(bad.output.split())
    backwards = CliRunner().invoke(app, ["report", "--db", str(db), "--from", "2024-03-14",
                                         "--to", "2024-03-01", "--out", str(out)])
    assert backwards.exit_code == 2 and "before it starts" in " ".join(backwards.output.split())


def test_dashboard_filters_map_onto_a_brief(db: Path) -> None:
    params = {"country": "Syria", "type": "", "since": "2024-03-01", "until": "2024-03-14"}
    filters = ReportFilters.from_query(params)
    assert filters == MARCH
    html = render_brief(Store(db), filters, "html", link_base="http://127.0.0.1:8000")
    assert b"Situation brief: country = Syria" in html and b"/events/" in html
    with pytest.raises(ValueError):
        ReportFilters.from_query({"since": "March"})
