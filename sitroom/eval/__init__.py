"""Evaluation on public labelled data in ``../shared/benchmarks``.

Each ``sitroom eval NAME`` command scores our system and an anchor (a plain
library, a baseline or a published figure) on the same data in the same run.
"""
