"""``sitroom eval events``: our event coder next to a keyword baseline, from one run.

Datasets (read each SOURCE.md in ``../shared/benchmarks``):
- CASE 2021 task 2: sub-event weighted/macro F1 and event-type accuracy on the
  reported split (rows whose index mod 10 is not 0, 1, 2; rules were tuned on
  those three residues only). Published anchor: the best 2021 system, 83.9%.
- ACLED notes (global 2020, Afghanistan 2020): event type/sub-type accuracy,
  fatalities and date exact match, actor1 match. Scored only, never tuned on.
  Notes carry their own full date ("On 9 May 2020"), so no publication date is
  passed: the date figure measures reading the date, not guessing it.
- GTD summaries: GTD attack type mapped to the ACLED sub-types it can be, and
  nkill exact match.
- MUC-4 test: perpetrator and victim role F1 from event actors (for reference).
- Speed: documents per second for parsing and for our extraction on top of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar

import dateparser
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.eval.event_baseline import baseline_code, baseline_deaths, baseline_types
from sitroom.eval.event_datasets import acled_rows, case_rows, gtd_rows
from sitroom.eval.event_metrics import accuracy, macro_f1, weighted_f1
from sitroom.eval.event_muc import muc_rows
from sitroom.eval.report import EvalReport, EvalRow
from sitroom.extract import by_code, by_name, classify_text, extract_events
from sitroom.nlp import get_nlp
from sitroom.nlp.cascade import pipe_as_configured
from sitroom.numbers import casualties
from sitroom.resolve.actors import normalize_actor, same_actor
from sitroom.resolve.dates import DateRange, resolve_date

BASELINE = "keyword baseline"
CASE_ANCHOR = "best CASE 2021 system (published)"
CASE_ANCHOR_F1 = 0.839
# GTD attack types → the ACLED sub-event types an ACLED coder could give them.
GTD_TO_ACLED: dict[str, frozenset[str]] = {
    "Armed Assault": frozenset({"Armed clash", "Attack"}),
    "Assassination": frozenset({"Attack", "Armed clash"}),
    "Bombing/Explosion": frozenset(
        {
            "Remote explosive/landmine/IED",
            "Suicide bomb",
            "Grenade",
            "Shelling/artillery/missile attack",
            "Air/drone strike",
        }
    ),
    "Hostage Taking (Kidnapping)": frozenset({"Abduction/forced disappearance"}),
    "Hostage Taking (Barricade Incident)": frozenset({"Abduction/forced disappearance"}),
    "Hijacking": frozenset({"Abduction/forced disappearance"}),
    "Facility/Infrastructure Attack": frozenset(
        {"Looting/property destruction", "Attack", "Remote explosive/landmine/IED"}
    ),
    "Unarmed Assault": frozenset({"Attack", "Sexual violence"}),
}
_T = TypeVar("_T")


class _Clock:
    """Seconds spent parsing and extracting, for the speed rows."""

    def __init__(self) -> None:
        self.parse = 0.0
        self.extract = 0.0
        self.docs = 0

    def pipe(self, nlp: Language, texts: Sequence[str], *, light: bool = False) -> list[Doc]:
        """Parse ``texts``; ``light`` skips parser and NER (classification and counts only)."""
        start = time.perf_counter()
        disable = [
            p for p in ("parser", "ner", "sitroom_entities") if light and p in nlp.pipe_names
        ]
        docs = list(pipe_as_configured(nlp, texts, batch_size=64, disable=disable))
        self.parse += time.perf_counter() - start
        self.docs += len(docs)
        return docs

    def run(self, fn: Callable[[Doc], _T], docs: Iterable[Doc]) -> list[_T]:
        start = time.perf_counter()
        out = [fn(doc) for doc in docs]
        self.extract += time.perf_counter() - start
        return out


def _head(items: list[_T], limit: int | None) -> list[_T]:
    return items if limit is None else items[:limit]


def _case(nlp: Language, clock: _Clock, limit: int | None) -> list[EvalRow]:
    rows: list[EvalRow] = []
    for split in ("reported", "dev"):
        data = _head(case_rows(split=split), limit)
        docs = clock.pipe(nlp, [r.text for r in data])
        ours = [by_name(sub).code for _, sub in clock.run(classify_text, docs)]
        base = [baseline_code(r.text) for r in data]
        gold = [r.code for r in data]
        n = len(data)
        key = f"case2021.{split}"

        def etype(codes: list[str]) -> list[str]:
            return [by_code(c).event_type for c in codes]

        rows += [
            EvalRow(
                f"{key}.sub_weighted_f1",
                "case2021-task2",
                f"sub-event weighted F1 ({split})",
                weighted_f1(gold, ours),
                BASELINE,
                weighted_f1(gold, base),
                n,
            ),
            EvalRow(
                f"{key}.sub_macro_f1",
                "case2021-task2",
                f"sub-event macro F1 ({split})",
                macro_f1(gold, ours),
                BASELINE,
                macro_f1(gold, base),
                n,
            ),
            EvalRow(
                f"{key}.event_type_accuracy",
                "case2021-task2",
                f"event-type accuracy ({split})",
                accuracy(etype(gold), etype(ours)),
                BASELINE,
                accuracy(etype(gold), etype(base)),
                n,
            ),
        ]
        if split == "reported":
            rows.append(
                EvalRow(
                    f"{key}.sub_weighted_f1.published",
                    "case2021-task2",
                    "sub-event weighted F1 vs published anchor",
                    weighted_f1(gold, ours),
                    CASE_ANCHOR,
                    CASE_ANCHOR_F1,
                    n,
                )
            )
    return rows


def _note_date(doc: Doc) -> DateRange | None:
    for ent in doc.ents:
        if ent.label_ == "DATE":
            resolved = resolve_date(ent.text, published=None)
            if resolved is not None and resolved.date_start is not None:
                return resolved
    return None


def _date_hit(ours: DateRange | None, gold: date) -> bool:
    """A day must equal the gold date; a range ("between 26 April and 2 May") must hold it."""
    if ours is None or ours.date_start is None or ours.date_end is None:
        return False
    return ours.date_start <= gold <= ours.date_end


def _baseline_date(doc: Doc) -> object:
    for ent in doc.ents:
        if ent.label_ == "DATE":
            parsed = dateparser.parse(ent.text, languages=["en"])
            return parsed.date() if parsed else None
    return None


def _baseline_actor(doc: Doc) -> str | None:
    return next((e.text for e in doc.ents if e.label_ in ("ORG", "NORP", "PERSON")), None)


def _our_actor(doc: Doc) -> str | None:
    """Actor1 of the first extracted event; else the first actor-like entity, normalised."""
    events = extract_events(doc, (), published=None)
    found = next((e.actor1 for e in events if e.actor1), None)
    if found is None:
        first = next((e.text for e in doc.ents if e.label_ in ("ORG", "NORP")), None)
        found = normalize_actor(first).name if first else None
    return found


def _acled(nlp: Language, clock: _Clock, name: str, limit: int | None) -> list[EvalRow]:
    data = _head(acled_rows(name), limit)
    docs = clock.pipe(nlp, [r.notes for r in data])
    types = clock.run(classify_text, docs)
    deaths = clock.run(lambda d: (casualties(d.text).killed or _ZERO).low or 0, docs)
    dates = clock.run(_note_date, docs)
    actor1 = clock.run(_our_actor, docs)
    base_types = [baseline_types(r.notes) for r in data]
    n = len(data)
    gold_t = [r.event_type for r in data]
    gold_s = [r.sub_event_type for r in data]

    def row(metric: str, ours: float, base: float | None) -> EvalRow:
        return EvalRow(
            f"{name}.{metric}", name, metric, ours, BASELINE if base is not None else None, base, n
        )

    return [
        row(
            "event_type_accuracy",
            accuracy(gold_t, [t for t, _ in types]),
            accuracy(gold_t, [t for t, _ in base_types]),
        ),
        row(
            "sub_event_type_accuracy",
            accuracy(gold_s, [s for _, s in types]),
            accuracy(gold_s, [s for _, s in base_types]),
        ),
        row(
            "fatalities_exact",
            accuracy([r.fatalities for r in data], deaths),
            accuracy([r.fatalities for r in data], [baseline_deaths(r.notes) for r in data]),
        ),
        EvalRow(
            f"{name}.date_exact",
            name,
            "date_exact",
            sum(_date_hit(o, r.event_date) for o, r in zip(dates, data, strict=True)) / max(n, 1),
            "dateparser on the first DATE entity",
            accuracy([r.event_date for r in data], [_baseline_date(d) for d in docs]),
            n,
        ),
        EvalRow(
            f"{name}.actor1_match",
            name,
            "actor1_match",
            sum(same_actor(o, r.actor1) for o, r in zip(actor1, data, strict=True)) / max(n, 1),
            "first ORG/NORP/PERSON entity as written",
            sum(same_actor(_baseline_actor(d), r.actor1) for d, r in zip(docs, data, strict=True))
            / max(n, 1),
            n,
        ),
    ]


class _Zero:
    low = 0


_ZERO = _Zero()


def _gtd(nlp: Language, clock: _Clock, limit: int | None) -> list[EvalRow]:
    data = [r for r in _head(gtd_rows(), limit) if r.attack_type in GTD_TO_ACLED]
    # GTD is scored on type and deaths only: no parser or NER needed (keeps the run short).
    docs = clock.pipe(nlp, [r.summary for r in data], light=True)
    subs = [s for _, s in clock.run(classify_text, docs)]
    base = [s for _, s in (baseline_types(r.summary) for r in data)]

    def typed(preds: list[str]) -> float:
        return sum(
            p in GTD_TO_ACLED[r.attack_type] for p, r in zip(preds, data, strict=True)
        ) / max(len(data), 1)

    counted = [(r, d) for r, d in zip(data, docs, strict=True) if r.nkill is not None]
    ours_k = [(casualties(d.text).killed or _ZERO).low or 0 for _, d in counted]
    gold_k = [r.nkill for r, _ in counted]
    return [
        EvalRow(
            "gtd.attack_type_match",
            "gtd-2016-2018-subset",
            "attack type → ACLED sub-type match",
            typed(subs),
            BASELINE,
            typed(base),
            len(data),
        ),
        EvalRow(
            "gtd.nkill_exact",
            "gtd-2016-2018-subset",
            "nkill exact match",
            accuracy(gold_k, ours_k),
            BASELINE,
            accuracy(gold_k, [baseline_deaths(r.summary) for r, _ in counted]),
            len(counted),
        ),
    ]


def run_events_eval(*, limit: int | None = None) -> EvalReport:
    """All event figures, ours next to the keyword baseline (and the published CASE anchor)."""
    nlp = get_nlp()
    clock = _Clock()
    rows = _case(nlp, clock, limit)
    for name in ("acled-global-2020", "acled-afghanistan-2020"):
        rows += _acled(nlp, clock, name, limit)
    rows += _gtd(nlp, clock, limit)
    rows += muc_rows(nlp, clock.pipe, limit)
    parse_rate = clock.docs / clock.parse if clock.parse else 0.0
    total_rate = clock.docs / (clock.parse + clock.extract) if clock.parse else 0.0
    rows += [
        EvalRow(
            "speed.parse_docs_per_s", "all", "spaCy parse, documents/s", parse_rate, n=clock.docs
        ),
        EvalRow(
            "speed.pipeline_docs_per_s",
            "all",
            "parse + event coding, documents/s",
            total_rate,
            n=clock.docs,
        ),
        EvalRow(
            "speed.extract_share",
            "all",
            "event coding time / parse time",
            clock.extract / clock.parse if clock.parse else 0.0,
            n=clock.docs,
            higher_is_better=False,
        ),
    ]
    notes = (
        "CASE: reported split = rows with index mod 10 not in {0,1,2}; rules tuned on the rest.",
        "ACLED/GTD: scored only; ACLED notes are coder summaries, shorter and cleaner than news.",
        "ACLED dates: no publication date passed; notes state their date. A resolved range"
        " (a note's 'between 26 April and 2 May') counts when it holds the coded date.",
    )
    return EvalReport("events", tuple(rows), notes)
