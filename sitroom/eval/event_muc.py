"""MUC-4 role filling scored from event actors: actor1 → perpetrator, actor2 → victim.

For reference only: MUC-4 roles are document-level templates, ours are
per-event actors. A predicted phrase matches a gold entity when one contains any
of the entity's mentions (case-insensitive), the loose head match usual for
MUC-4 role-filler scoring. Texts are upper case; we lower-case them and
capitalise sentence starts so the parser sees ordinary prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.eval.event_datasets import muc_docs
from sitroom.eval.report import EvalRow
from sitroom.extract import extract_events


def _sentence_case(text: str) -> str:
    lowered = text.lower()
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), lowered)


def _matches(pred: str, entity: tuple[str, ...]) -> bool:
    p = pred.lower().removeprefix("the ").strip()
    return any(m.lower() in p or (len(p) > 3 and p in m.lower()) for m in entity)


def _f1(preds: list[list[str]], golds: list[tuple[tuple[str, ...], ...]]) -> float:
    tp_p = n_p = tp_g = n_g = 0
    for pred, gold in zip(preds, golds, strict=True):
        n_p += len(pred)
        n_g += len(gold)
        tp_p += sum(any(_matches(p, g) for g in gold) for p in pred)
        tp_g += sum(any(_matches(p, g) for p in pred) for g in gold)
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def muc_rows(
    nlp: Language, pipe: Callable[[Language, Sequence[str]], list[Doc]], limit: int | None
) -> list[EvalRow]:
    docs_data = muc_docs("test")
    if limit is not None:
        docs_data = docs_data[:limit]
    docs = pipe(nlp, [_sentence_case(d.text) for d in docs_data])
    perps: list[list[str]] = []
    victims: list[list[str]] = []
    for doc in docs:
        events = extract_events(doc, (), published=None)
        perps.append(list(dict.fromkeys(e.actor1_text for e in events if e.actor1_text)))
        victims.append(list(dict.fromkeys(e.actor2_text for e in events if e.actor2_text)))
    n = len(docs_data)
    return [
        EvalRow(
            "muc4.perpetrator_f1",
            "muc4-grit",
            "perpetrator role F1 (test, reference)",
            _f1(perps, [d.perpetrators for d in docs_data]),
            n=n,
        ),
        EvalRow(
            "muc4.victim_f1",
            "muc4-grit",
            "victim role F1 (test, reference)",
            _f1(victims, [d.victims for d in docs_data]),
            n=n,
        ),
    ]
