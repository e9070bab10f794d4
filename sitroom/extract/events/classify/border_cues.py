"""Cues for the borderlines between neighbouring ACLED types (clash vs shelling, clash
vs attack, mob violence vs clash, the protest sub-types, strategic developments,
violence against civilians vs "Other"), each citing the codebook point it follows.

Written from our own examples on those borderlines (tests/data/event_types_own.jsonl)
and checked on the CASE 2021 task 2 development rows; never on ACLED, GTD or
held-out rows. ``cues`` scores them with the other tables.
"""

from __future__ import annotations

# Cues on the same weight scale as ``classify.cues`` (3 names the sub-event).
BORDER_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    # Codebook (Armed clash vs Attack): an attack on an armed group's positions, posts or
    # bases is a battle. "Stormed an army base", "attacked a militia checkpoint": the
    # verbs and targets that the CASE-tuned "attacked ... army" cue does not cover.
    "ARMED_CLASH": (
        (
            r"\b(?:stormed|raided|overran|assaulted)\s(?:an?\s|the\s)?(?:[\w-]+\s){0,3}?"
            r"(?:army|military|police|gendarmerie|militia|rebel) (?:base|camp|barracks"
            r"|check ?points?|outposts?|posts?|positions?|stations?)\b",
            3,
        ),
        (r"\battack(?:ed|s|ing)? (?:on )?(?:[\w-]+ ){0,4}?(?:militia\w*|gendarm\w*)\b", 3),
    ),
    # Codebook (Mob violence vs Armed clash): communities, villagers, herders and farmers,
    # rival ethnic groups, clans or party supporters fighting, with no armed organisation
    # named (``classify.crowds.resolve_mob`` checks that), are Mob violence.
    "MOB_VIOL": (
        (
            r"\b(?:pastoralists|herders|farmers|villagers|residents|communities|clans(?:men)?"
            r"|tribes(?:men)?|rival (?:ethnic groups|groups of (?:youths|residents)|party"
            r" supporters|students|student groups)|ethnic groups|supporters)\b"
            r"(?:(?!\b(?:militants|rebels|gunmen|soldiers|troops|militias?|police|army|bandits"
            r"|said|told|reported|that|who|when|while)\b)[^.;]){0,60}"
            r"\b(?:fought|clashed)\b(?! with (?:the )?(?:police|security|soldiers|troops|army))",
            3,
        ),
        (r"\bspears\b|\bbows and arrows\b|\bcutlasses\b", 1),
    ),
    # Codebook (Change to group/activity): recruitment and training of fighters.
    "CHANGE_TO_GROUP_ACT": (
        (
            r"\b(?:train(?:ed|ing)?|recruit(?:ed|ing)?)\s(?!camps?\b|cent|facilit|grounds?\b|base)"
            r"(?:[\w-]+\s){0,4}?(?:recruits|battalions?"
            r"|volunteers|fighters|militia\w*|young men|youths|children|cadres|units?)\b",
            3,
        ),
        # An attacker "withdrawing" after the attack is part of that attack, not a
        # movement: this cancels the withdrawal cue of ``classify.cues``.
        (r"\b(?:before|then|and|after which they) (?:withdr[ae]w|retreat|fled)", -3),
    ),
    # Codebook (Looting/property destruction): property seized or stolen, no one harmed.
    "PROPERTY_DISTRUCT": (
        (
            r"(?<!police )(?<!authorities )(?<!officers )"
            r"\b(?:seized|stole|looted|took|carted off|made off with)\s(?:[\w-]+\s){0,3}?"
            r"(?:livestock|cattle|goats|camels|sheep|food|supplies|grain|cash|goods"
            r"|belongings)\b",
            3,
        ),
    ),
    # Codebook (Abduction/forced disappearance): people seized are abducted.
    "ABDUCT_DISSAP": (
        (
            r"\bseized (?:\w+ ){0,2}(?:schoolgirls|schoolboys|schoolchildren|pupils|girls|boys"
            r"|children|students)\b",
            3,
        ),
    ),
    # CASE "organized crime" (theft, not an ACLED event): theft rings and stolen goods.
    "ORG_CRIME": ((r"\btheft rings?\b|\bcar theft|\bstolen (?:vehicles|cars|goods)", 3),),
}
