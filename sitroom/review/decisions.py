"""Reviewing one event: the corrected value goes into the events row (so filters, the map
and exports see it), a ``reviews`` row keeps human and machine value side by side, and
an ``audit`` row records who changed what, when and why.

Decisions are keyed by (document, ordinal), which re-extraction keeps, not by event
id. ``reapply`` runs after ingest and reclustering: the reviewed value wins, and a
review whose machine value has since changed is flagged for a person to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, and_, select, update

from sitroom.records import CERTAINTIES
from sitroom.store import Store, packing, schema

ACTIONS = ("confirm", "correct", "reject")
STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
MAX_TEXT = 200
MAX_COMMENT = 2000


class ReviewError(ValueError):
    """A review that cannot be applied (bad field, bad value, unknown event)."""


def _text(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ReviewError(f"values are at most {MAX_TEXT} characters")
    return value.strip()


def _count(value: str) -> int:
    if not value.strip().isdigit() or int(value) > 10_000_000:
        raise ReviewError(f"a count must be a whole number 0..10000000, not {value[:20]!r}")
    return int(value)


def _day(value: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise ReviewError(f"dates are YYYY-MM-DD, not {value[:20]!r}") from exc


def _degrees(limit: float) -> Any:
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError as exc:
            raise ReviewError(f"not a coordinate: {value[:20]!r}") from exc
        if not -limit <= number <= limit:
            raise ReviewError(f"coordinate out of range ±{limit}")
        return number

    return parse


def _certainty(value: str) -> str:
    if value not in CERTAINTIES:
        raise ReviewError(f"certainty is one of {', '.join(CERTAINTIES)}")
    return value


# Reviewable fields: the parser of a submitted value and where the machine's value
# sits in the stored event JSON.
FIELDS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "event_type": (_text, ("event_type",)),
    "sub_event_type": (_text, ("sub_event_type",)),
    "actor1": (_text, ("actor1",)),
    "actor2": (_text, ("actor2",)),
    "location": (_text, ("location",)),
    "admin1": (_text, ("admin1",)),
    "country": (_text, ("country",)),
    "latitude": (_degrees(90.0), ("latitude",)),
    "longitude": (_degrees(180.0), ("longitude",)),
    "date_start": (_day, ("date_start",)),
    "date_end": (_day, ("date_end",)),
    "fatalities_low": (_count, ("fatalities", "low")),
    "fatalities_best": (_count, ("fatalities", "best")),
    "fatalities_high": (_count, ("fatalities", "high")),
    "certainty": (_certainty, ("certainty",)),
}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def machine_value(event_json: str, field: str) -> Any:
    value: Any = json.loads(event_json)
    for key in FIELDS[field][1]:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _event(conn: Connection, event_id: int) -> Any:
    row = conn.execute(select(schema.events).where(schema.events.c.id == event_id)).first()
    if row is None:
        raise ReviewError(f"no event with id {event_id}")
    return row


def _keep(conn: Connection, row: Any, field: str, human: Any, machine: Any, who: str) -> None:
    """Upsert the reviewed value of one field (the latest decision on a field wins)."""
    table = schema.reviews
    key = and_(
        table.c.document_id == row.document_id,
        table.c.ordinal == row.ordinal,
        table.c.field == field,
    )
    values = {
        "human_value": json.dumps(human),
        "machine_value": json.dumps(machine),
        "reviewer": who,
        "at": _now(),
        "flag": None,
    }
    if conn.execute(select(table.c.id).where(key)).first():
        conn.execute(update(table).where(key).values(**values))
    else:
        conn.execute(
            table.insert().values(
                document_id=row.document_id, ordinal=row.ordinal, field=field, **values
            )
        )


def log(conn: Connection, row: Any, who: str, action: str, **values: Any) -> dict[str, Any]:
    entry = {
        "at": _now(),
        "who": who,
        "action": action,
        "event_id": row.id if row is not None else None,
        "document_id": row.document_id if row is not None else None,
        "ordinal": row.ordinal if row is not None else None,
        **values,
    }
    conn.execute(schema.audit.insert().values(**entry))
    return entry


def review_event(
    store: Store,
    *,
    event_id: int,
    who: str,
    action: str,
    changes: dict[str, str] | None = None,
    comment: str = "",
) -> list[dict[str, Any]]:
    """Apply one review; return the audit rows written."""
    if action not in ACTIONS:
        raise ReviewError(f"action is one of {', '.join(ACTIONS)}")
    if len(comment) > MAX_COMMENT:
        raise ReviewError(f"comments are at most {MAX_COMMENT} characters")
    parsed: dict[str, Any] = {}
    for field, raw in (changes or {}).items():
        if field not in FIELDS:
            raise ReviewError(f"{field!r} cannot be reviewed; fields: {', '.join(FIELDS)}")
        parsed[field] = FIELDS[field][0](raw) if raw != "" else None
    if action != "correct" and parsed:
        raise ReviewError("only a correction changes fields")
    if action == "correct" and not parsed:
        raise ReviewError("a correction names at least one field")
    written: list[dict[str, Any]] = []
    with store.engine.begin() as conn:
        row = _event(conn, event_id)
        for field, value in parsed.items():
            before = getattr(row, field)
            if before == value:
                continue
            decision = Decision(field, field, value, before, machine_value(row.event_json, field))
            written.append(_decide(conn, row, who, action, decision, comment))
        status = STATUS[action]
        if action == "correct" and not written:
            raise ReviewError("the correction changes nothing")
        decision = Decision("status", "review_status", status, row.review_status, None)
        written.append(_decide(conn, row, who, action, decision, comment))
    return written


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewed field: its name, the events column it is written to, the new value,
    the value it replaces and the machine's own value."""

    field: str
    column: str
    value: Any
    before: Any
    machine: Any


def _decide(
    conn: Connection, row: Any, who: str, action: str, decision: Decision, comment: str
) -> dict[str, Any]:
    """Keep one reviewed value, write it to the event's row, and log the decision."""
    d = decision
    _keep(conn, row, d.field, d.value, d.machine, who)
    events = schema.events
    conn.execute(update(events).where(events.c.id == row.id).values({d.column: d.value}))
    return log(
        conn,
        row,
        who,
        action,
        field=d.field,
        before=_show(d.before),
        after=_show(d.value),
        comment=comment,
    )


def _show(value: Any) -> str | None:
    return None if value is None else str(value)


def audit_rows(store: Store, event_id: int) -> list[dict[str, Any]]:
    """The audit trail of an event (by its document and ordinal), oldest first."""
    with store.engine.connect() as conn:
        row = _event(conn, event_id)
        table = schema.audit
        stmt = (
            select(table)
            .where(table.c.document_id == row.document_id, table.c.ordinal == row.ordinal)
            .order_by(table.c.id)
        )
        return [dict(r._mapping) for r in conn.execute(stmt)]


def reapply(store: Store) -> int:
    """Put every reviewed value back over the machine's; return how many were flagged
    because the machine's value changed since the review."""
    from sitroom.review.clusters import reapply_clusters

    events, reviews = schema.events, schema.reviews
    flagged = 0
    with store.engine.begin() as conn:
        for review in conn.execute(select(reviews)).fetchall():
            if review.field in {"together", "apart"}:
                continue
            row = conn.execute(
                select(events).where(
                    events.c.document_id == review.document_id,
                    events.c.ordinal == review.ordinal,
                )
            ).first()
            if row is None:
                flag = "the event is no longer extracted"
            else:
                human = json.loads(review.human_value)
                column = "review_status" if review.field == "status" else review.field
                conn.execute(update(events).where(events.c.id == row.id).values({column: human}))
                flag = None
                if review.field != "status":
                    now = machine_value(row.event_json, review.field)
                    if now != json.loads(review.machine_value):
                        flag = f"machine value changed to {now!r}"
            if flag != review.flag:
                conn.execute(update(reviews).where(reviews.c.id == review.id).values(flag=flag))
            flagged += flag is not None
    reapply_clusters(store)
    return flagged


def _document_text(conn: Connection, document_id: str) -> str:
    record = packing.load(conn, [document_id]).get(document_id) or {}
    return str(record.get("text") or "")


def regression_cases(store: Store) -> Iterator[dict[str, Any]]:
    """One case per document with reviewed events: its text and the events a person
    confirmed or corrected (as they should be extracted), plus the ones rejected."""
    events = schema.events
    stmt = (
        select(events, schema.documents.c.title, schema.documents.c.published)
        .join(schema.documents, schema.documents.c.id == events.c.document_id)
        .where(events.c.review_status.is_not(None))
        .order_by(events.c.document_id, events.c.ordinal)
    )
    case: dict[str, Any] | None = None
    with store.engine.connect() as conn:
        for row in conn.execute(stmt):
            if case is None or case["document_id"] != row.document_id:
                if case is not None:
                    yield case
                case = {
                    "document_id": row.document_id,
                    "title": row.title,
                    "published": row.published,
                    "text": _document_text(conn, row.document_id),
                    "expected_events": [],
                    "rejected_events": [],
                }
            expected = {field: getattr(row, field) for field in FIELDS}
            expected["ordinal"] = row.ordinal
            expected["evidence"] = [row.evidence_start, row.evidence_end]
            target = "rejected_events" if row.review_status == "rejected" else "expected_events"
            case[target].append(expected)
    if case is not None:
        yield case
