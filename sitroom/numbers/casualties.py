"""Killed and wounded in one sentence or short note, ACLED's way.

Each count (``numbers.counts.iter_counts``) gets a role from its context: the words
right after it ("12 soldiers were killed"), a verb before it ("killing 12"), a
death toll ("the toll rose to 12"), or a verb that a count joined to it by
"and" shares ("killed a commander and 4 of his bodyguards", "two soldiers and a
civilian were killed"). Deaths are summed over their groups; a restated total
("… 5 fatalities") is not added to the groups it sums. See ``numbers.counts`` for the
ACLED conventions on vague and ranged counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom import lexicon
from sitroom.numbers.counts import Count, iter_counts


@dataclass(frozen=True, slots=True)
class Casualties:
    """Killed and wounded in one text; ``killed`` is None when no death count is given."""

    killed: Count | None
    wounded: int | None
    fatality_text: str | None


_DEATH = (
    r"(?:killed|dead|died|deaths?|fatalities|bodies|slain|executed|beheaded|decapitated|"
    r"lost their lives|shot dead|"
    r"(?:beaten|burned|burnt|hacked|stabbed|stoned|lynched) to death|lynched)"
)
_WOUND = r"(?:wounded|injured|hurt|injuries|casualties)"
# Patterns of a count's immediate right (≤ 3 words) and left context. The windows
# are the usual English of casualty reporting (wire copy, ACLED/GTD style).
_RIGHT_NEAR = re.compile(
    rf"(?:\s+(?!and\b|or\b)[\w'-]+){{0,3}}?\s+(?P<w>{_DEATH}|{_WOUND})\b", re.IGNORECASE
)
_LEFT_DEATH = re.compile(
    r"(?:\bkill(?:ed|ing|s)?|\bclaim(?:ed|ing)? the lives of|"
    r"\bdeath toll(?: \w+){0,3}? (?:to|of|at)|"
    r"\bbod(?:y|ies) of|\bexecut(?:ed|ing)|\bmassacr(?:ed|ing)|\bshot dead|\bbeheaded|"
    r"\bslaughtered|\bdeaths? of|"
    r"\bleft|\bleaving|\bkilling|\bto death)\s+(?:(?:the|all|another|a further|an estimated)\s+)?$",
    re.IGNORECASE,
)
# "The death toll from Friday night's bombing at a restaurant ... rose to twelve":
# the toll's noun may sit far left of its count (window: 160 characters, a long
# "from ..." phrase of wire copy).
_TOLL_LEFT = re.compile(
    r"\bdeath toll\b[^.;]{0,140}?\b(?:rose|risen|climbed|increased|jumped|reached|stood)"
    r"(?: to| at)?\s+(?:(?:at least|more than|about|nearly)\s+)?$",
    re.IGNORECASE,
)
_TOLL_WINDOW = 160
_LEFT_WOUND = re.compile(
    r"\b(?:wound(?:ed|ing)|injur(?:ed|ing))\s+(?:(?:the|all|another|a further)\s+)?$", re.IGNORECASE
)
# "N fatalities", "N deaths", "N dead": a restated total, not one more group of victims.
_TOTAL_AFTER = re.compile(r"\s+(?:fatalit(?:y|ies)|deaths?)\b", re.IGNORECASE)
_LEFT_SKIP = re.compile(r"\b(?:including|among them|of whom|of them|no)\s+$", re.IGNORECASE)
_RIGHT_FAR = re.compile(
    rf"\b(?:were|was|been|are|is|be)\s+(?:\w+\s+)?"
    rf"(?P<w>{_DEATH}|{_WOUND}|missing|abducted|kidnapped|arrested|detained)\b",
    re.IGNORECASE,
)
# "Three suicide bombers killed 19 people": a count followed by an active kill verb
# with its own object is the agent, not the dead.
_AGENT_OBJECT = re.compile(
    r"\s+(?:at least |more than |some |about )?(?:\d|an?\b|the\b|\w+ (?:people|civilians)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b)",
    re.IGNORECASE,
)
# Between two counts: the second is a further object of the same kill verb ("killed a
# commander and 4 of his bodyguards", "killing 3 civilians and 2 soldiers").
_AND_MORE = re.compile(
    r"(?:\s+[\w'-]+){0,4}?\s+and\s+(?:(?:his|her|their|its|the)\s+)?", re.IGNORECASE
)
# "a man was stabbed ... and later succumbed to his injuries": a death told by its own verb.
_DIED_LATER = re.compile(r"\b(?:later\s+|subsequently\s+)?(?:succumbed|died)\b", re.IGNORECASE)
# "killing himself and 4 others": the attacker's own death, and the count after it.
_SELF = re.compile(
    r"\bkill(?:ed|ing)\s+(himself|herself)\b|\b(?:blowing|blew)\s+(himself|herself)\s+up\b",
    re.IGNORECASE,
)
_SELF_AND_LEFT = re.compile(
    r"\bkill(?:ed|ing)\s+(?:himself|herself|themselves)\s+and\s+(?:the\s+)?$", re.IGNORECASE
)
_LOST = re.compile(r"\blost\s+(?:at least\s+)?$", re.IGNORECASE)
_LOST_PEOPLE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:soldiers|troops|men|fighters|members|policemen|officers|civilians"
    r"|people|militants|personnel)\b",
    re.IGNORECASE,
)
_JOINT = re.compile(r"\bkill(?:ed|ing)? (?:or|and) (?:wound|injur)", re.IGNORECASE)
_NONE = re.compile(
    r"\bno (?:one|fatalities|casualties|deaths)\b|\bnobody was (?:killed|hurt)", re.IGNORECASE
)
# How far right of a count its verb may sit (characters): "12 Taliban militants
# including 2 commanders were killed" needs ~60.
_FAR_CHARS = 90
_CLAUSE_END = re.compile(r"[;:]|\.\s")


def casualties(text: str) -> Casualties:
    """Deaths and wounded in one sentence (or short note); deaths are summed over phrases."""
    counts = [c for c in iter_counts(text) if not _LEFT_SKIP.search(text, 0, c.start)]
    roles: list[str | None] = []
    for i, count in enumerate(counts):
        limit = counts[i + 1].start if i + 1 < len(counts) else len(text)
        stop = _CLAUSE_END.search(text, count.end)
        if stop:
            limit = min(limit, stop.start())
        role = _role(text, count, min(limit, count.end + _FAR_CHARS))
        if role is None and i and roles[-1] == "killed" and _further(text, counts[i - 1], count):
            role = "killed"  # "killed a commander and 4 of his bodyguards": one more group
        if role is None and _SELF_AND_LEFT.search(text, 0, count.start):
            role = "killed"  # "killing himself and 4 others"
        roles.append(role)
    for i in range(len(counts) - 2, -1, -1):
        if (
            roles[i] is None
            and roles[i + 1] == "killed"
            and _further(text, counts[i], counts[i + 1])
        ):
            roles[i] = "killed"  # "two soldiers and a civilian were killed": the same verb
    killed = [c for c, role in zip(counts, roles, strict=True) if role == "killed"]
    killed.extend(_kin(text, killed, counts))
    killed.sort(key=lambda c: c.start)
    self_too = _SELF.search(text)
    if self_too:
        # "killing himself and 4 others": the bomber is one of the dead (GTD and ACLED
        # count every death); the others' count already has its role from "killing".
        who = 1 if self_too.group(1) else 2
        killed.append(Count(1, 1, 1, self_too.group(who), self_too.start(who), self_too.end(who)))
        killed.sort(key=lambda c: c.start)
    wounded = sum(
        c.low for c, role in zip(counts, roles, strict=True) if role == "wounded" and c.low
    )
    if not killed:
        zero = _NONE.search(text)
        if zero and not _JOINT.search(text):
            return Casualties(Count(0, 0, 0, zero.group(0)), wounded or None, zero.group(0))
        return Casualties(None, wounded or None, None)
    totals = [c for c in killed if _TOTAL_AFTER.match(text, c.end)]
    groups = [c for c in killed if c not in totals]
    if totals and groups:
        summed = _sum(groups)
        biggest = max(totals, key=lambda c: c.low or 0)
        chosen = summed if (summed.low or 0) >= (biggest.low or 0) else biggest
        return Casualties(chosen, wounded or None, chosen.text)
    total = _sum(killed)
    return Casualties(total, wounded or None, "; ".join(c.text for c in killed))


# "two boys and their grandmother died": one more victim named by a tie, with no count.
_KIN_AFTER = re.compile(
    r"(?:\s+[\w'-]+){0,3}?\s+and\s+(?:his|her|their)\s+(?P<kin>"
    + lexicon.alternation("kin_words")
    + r")\b",
    re.IGNORECASE,
)


def _kin(text: str, killed: list[Count], counts: list[Count]) -> list[Count]:
    """One death for each "and their aunt" joined to a group of the dead, where no count
    of its own follows ("a woman and her two children" is counted already)."""
    out = []
    for count in killed:
        match = _KIN_AFTER.match(text, count.end)
        if match is None or any(count.end < c.start < match.end() for c in counts):
            continue
        start, end = match.span("kin")
        out.append(Count(1, 1, 1, text[start:end], start, end))
    return out


def _further(text: str, first: Count, second: Count) -> bool:
    """Whether ``second`` is joined to ``first`` by "and" as one more group of the same kind."""
    return bool(_AND_MORE.fullmatch(text, first.end, second.start))


def _role(text: str, count: Count, limit: int) -> str | None:
    near = _RIGHT_NEAR.match(text, count.end)
    if near and near.end() <= limit:
        if near.group("w").lower() in ("killed", "executed", "slain") and _AGENT_OBJECT.match(
            text, near.end()
        ):
            return None
        return _kind(near.group("w"), text, count)
    far = _RIGHT_FAR.search(text, count.end, limit)
    if far:
        return _kind(far.group("w"), text, count)
    if _DIED_LATER.search(text, count.end, limit):
        return "killed"
    before = text[max(0, count.start - 40) : count.start]
    if _LEFT_WOUND.search(before):
        return None if _JOINT.search(before) else "wounded"
    if _LEFT_DEATH.search(before):
        return None if _JOINT.search(before) else "killed"
    if _LOST.search(before) and _LOST_PEOPLE.match(text, count.end):
        return "killed"  # "the army lost 2 soldiers"
    if _TOLL_LEFT.search(text[max(0, count.start - _TOLL_WINDOW) : count.start]):
        return "killed"
    return None


def _kind(word: str, text: str, count: Count) -> str | None:
    lowered = word.lower()
    if re.fullmatch(_WOUND, lowered):
        return "wounded" if lowered != "casualties" else None
    if re.fullmatch(_DEATH, lowered):
        window = text[count.end : count.end + 40]
        return None if _JOINT.search(window) else "killed"
    return None


def _sum(counts: list[Count]) -> Count:
    def add(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    return Count(
        add([c.low for c in counts]),
        add([c.best for c in counts]),
        add([c.high for c in counts]),
        "; ".join(c.text for c in counts),
        counts[0].start,
        counts[-1].end,
    )


# "police arrested 41 people", "23 people were detained": the people held in an arrest.
_LEFT_ARREST = re.compile(
    r"\b(?:arrest(?:ed|ing)|detain(?:ed|ing)|round(?:ed|ing) up)\s+"
    r"(?:the\s+|some\s+|at least\s+)?$",
    re.IGNORECASE,
)
_RIGHT_ARREST = re.compile(
    r"(?:\s+[\w'-]+){0,3}?\s+(?:were|was|have been|had been|been)\s+(?:\w+\s+)?"
    r"(?:arrested|detained|rounded up)\b",
    re.IGNORECASE,
)


def arrested(text: str) -> Count | None:
    """The number of people a sentence says were arrested or detained, or None."""
    for count in iter_counts(text):
        before = text[max(0, count.start - 30) : count.start]
        if _LEFT_ARREST.search(before) or _RIGHT_ARREST.match(text, count.end):
            return count
    return None
