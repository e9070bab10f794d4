"""Repair: undo encoding damage, ftfy first and then our own repairs for what it leaves.

``repair_text(text)`` runs, in order:

1. ``lossy_bytes`` (:mod:`.lost_bytes`): a UTF-8 sequence whose last byte was
   lost or replaced by U+FFFD (``operations.â€``, ``order,â€�``, ``Â�``) gets
   the byte back, so that ftfy decodes it instead of leaving it, reading it as
   a dagger or collapsing it into U+FFFD;
2. ``ftfy`` (``fix_text``) with two of its cosmetic steps off: curly quotes are
   kept (they tell an opening quote from a closing one, which quote extraction
   uses) and full-width characters are kept (CJK punctuation is correct text);
3. ``lost_final_byte`` (:mod:`.lost_bytes`): the same reading for any bare
   ``â€`` that ftfy's decoding left;
4. ``lone_nbsp`` (:mod:`.nbsp`): a stand-alone ``Â`` left from a no-break space;
5. ``legacy_codepage`` (:mod:`.legacy`): UTF-8 read as cp437 or MacRoman
   inside a word (``┬┐que``, ``pi√π``);
6. ``homoglyphs`` (:mod:`.homoglyphs`): Cyrillic or Greek look-alike letters
   inside Latin words (not counted as mojibake);
7. ``html_entities`` (:mod:`.entities`): HTML character references ftfy left
   (``Mo&iuml;se`` → Moïse) because the text holds a ``<`` (not counted as
   mojibake).

When the repaired text would hold more mojibake (:func:`count_mojibake`, not counting
U+FFFD, which repair writes for bytes lost before it) than the input, the input is
kept unchanged and ``fixes`` is ``("reverted",)``.

``mojibake_fixed`` counts damaged characters (:func:`count_mojibake`) that
ftfy removed plus those our repairs restored; ``fixes`` names the steps that
changed the text. Each step only touches text that holds its own mojibake
pattern, so correct text (accented, Arabic-script, CJK) passes unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ftfy

from sitroom.repair.entities import fix_html_entities
from sitroom.repair.homoglyphs import fix_homoglyphs
from sitroom.repair.legacy import fix_legacy_codepages
from sitroom.repair.lost_bytes import fix_lost_final_byte, restore_lossy_bytes
from sitroom.repair.markers import count_mojibake, has_mojibake
from sitroom.repair.nbsp import fix_lone_a_circumflex

__all__ = ["RepairResult", "count_mojibake", "has_mojibake", "repair_text"]

FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


@dataclass(frozen=True, slots=True)
class RepairResult:
    text: str
    mojibake_fixed: int  # number of mojibake sequences fixed
    fixes: tuple[str, ...]  # names of repairs that fired


# Our repairs for what ftfy leaves, in order: (name in ``fixes``, repair, whether what
# it fixes counts as mojibake). Homoglyphs are look-alike letters, not encoding damage.
_AFTER_FTFY: tuple[tuple[str, Callable[[str], tuple[str, int]], bool], ...] = (
    ("lost_final_byte", fix_lost_final_byte, True),
    ("lone_nbsp", fix_lone_a_circumflex, True),
    ("legacy_codepage", fix_legacy_codepages, True),
    ("homoglyphs", fix_homoglyphs, False),
    ("html_entities", fix_html_entities, False),
)


def repair_text(text: str) -> RepairResult:
    """``text`` with its encoding damage undone (see the module docstring)."""
    fixes: list[str] = []
    restored, count = restore_lossy_bytes(text)
    if count:
        fixes.append("lossy_bytes")
    repaired = ftfy.fix_text(restored, config=FTFY_CONFIG)
    fixed = 0
    if repaired != restored:
        fixes.append("ftfy")
        fixed = max(0, count_mojibake(text) - count_mojibake(repaired))
    for name, fix, is_mojibake in _AFTER_FTFY:
        repaired, count = fix(repaired)
        if count:
            fixes.append(name)
            if is_mojibake:
                fixed += count
    if fixes and count_mojibake(repaired, lost_bytes=False) > count_mojibake(
        text, lost_bytes=False
    ):
        # Repair must never make text worse. Found by tests/test_fuzz.py: ftfy drops
        # the control character in "Ä\x1f\xa0", which leaves "Ä\xa0", a pair that
        # reads as mojibake; the input is kept as it was.
        return RepairResult(text=text, mojibake_fixed=0, fixes=("reverted",))
    return RepairResult(text=repaired, mojibake_fixed=fixed, fixes=tuple(fixes))
