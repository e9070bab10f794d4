"""Classification metrics for the events evaluation (no scikit-learn dependency)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def f1_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Per-label F1 over the labels that occur in ``gold``."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    out: dict[str, float] = {}
    for label in set(gold):
        denom = 2 * tp[label] + fp[label] + fn[label]
        out[label] = 2 * tp[label] / denom if denom else 0.0
    return out


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """F1 averaged over gold labels, weighted by their support (as CASE 2021 reports it)."""
    if not gold:
        return 0.0
    per = f1_scores(gold, pred)
    support = Counter(gold)
    return sum(per[label] * support[label] for label in per) / len(gold)


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    per = f1_scores(gold, pred)
    return sum(per.values()) / len(per) if per else 0.0


def accuracy(gold: Sequence[object], pred: Sequence[object]) -> float:
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
