"""Document-level classification: the dominant ACLED sub-event of a short text.

Short texts (a CASE snippet, an ACLED note, a headline) name one main event;
``classify_text`` picks it from the weighted cues of ``event_cues`` plus a few
rules that encode ACLED's coding logic (a protest met with force is a protest
sub-type, not a clash; an attack on civilians is Violence against civilians,
an attack on soldiers a battle). Rules and thresholds were tuned on the CASE
2021 task 2 development rows only (index mod 10 in {0, 1, 2}); the codebook rules
of ``event_types_rules`` were added after those overfit them (dev 0.87 against
0.67 held out) and were checked on our own written examples as well; those of
``event_types_codebook`` (who fights whom, one-sided vs mutual fire, civilian victims,
non-violent strategic developments, protest topics, crime vs ACLED arrests) were
written from the codebook and checked the same way, as were those of
``event_types_sides`` (armed sides engaging, plain harm to individuals, demonstrators'
own violence, quiet troop movements) and of ``event_types_borders`` (the codebook's
borderlines: clash vs shelling and vs attack, mob vs clash, the protest sub-types,
strategic developments, violence against civilians vs "Other").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from sitroom.extract.event_cues import score_text
from sitroom.extract.event_scores import outrank
from sitroom.extract.event_types_borders import (
    mask_covered_protests,
    resolve_disaster_topic,
    resolve_named_militia,
    resolve_post_assault,
    resolve_protesters_at_police,
    resolve_seized_property,
    resolve_two_sides,
    resolve_victims,
)
from sitroom.extract.event_types_codebook import (
    mask_protest_topics,
    resolve_crime,
    resolve_harm_with_destruction,
    resolve_no_fighting,
    resolve_no_place,
    resolve_no_weapon,
    resolve_repelled,
)
from sitroom.extract.event_types_crowds import (
    resolve_armed_group_measures,
    resolve_destructive_crowd,
    resolve_exchange_of_fire,
    resolve_gang_killing,
    resolve_partisan_violence,
)
from sitroom.extract.event_types_rules import (
    resolve_blast,
    resolve_disrupted,
    resolve_epidemic,
    resolve_mob,
    resolve_property,
    resolve_remote_harm,
    resolve_territory,
)
from sitroom.extract.event_types_sides import (
    DEMONSTRATOR_ACTS,
    passive_victims,
    resolve_demonstrators,
    resolve_engagement,
    resolve_plain_harm,
    resolve_quiet_movement,
)
from sitroom.extract.event_types_strategic import resolve_one_sided_truce
from sitroom.extract.taxonomy import by_code, is_acled

_PROTEST_FAMILY = ("PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR")
# Cues that only mean something once a protest is in the text.
_NEEDS_PROTEST = ("PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST")
# Protest words must reach this score before the text counts as a protest report
# (tuned on CASE dev rows: 2 = one protest word; 1.5 let "strike" alone in).
_PROTEST_MIN = 2.0
_OUT_OF_SCOPE_MARGIN = 1.0
# ACLED: rioters who turn on the police or state buildings are a Violent demonstration
# even with no protest word; a crowd turning on other civilians is Mob violence.
_AT_AUTHORITY = re.compile(
    r"\b(?:at|with|on|against) (?:the )?(?:riot )?(?:police|security forces|soldiers)\b"
    r"|\b(?:attacked|stoned|pelted) (?:a |the )?(?:police|security)"
    r"|\bpolice (?:stations?|posts?|patrols?|vehicles?|vans?|cars?|trucks?)\b"
    r"|\bgovernment (?:offices|buildings?)"
)
_RIOT_WORDS = re.compile(
    r"\briot(?!\s(?:police|squad|gear|control|units?))|\bthrew|\bstone|\bset fire"
    r"|\blight fires|\bviolen|\bblock|\bpull|\bshut down|\bclash"
)
CIVILIAN_VICTIM = re.compile(
    r"\b(?:civilians?|villagers?|wom[ae]n|child(?:ren)?|girls?|boys?|teachers?|doctors?|students?|"
    r"worshippers|tourists?|farmers?|people|residents|population|family|passengers|journalists?)\b"
)
_ARMED_VICTIM = re.compile(
    r"\b(?:soldiers?|troops|policem[ae]n|police officers?|officers|militants|insurgents|rebels|"
    r"fighters|army|military|security forces|check ?points?|convoy|patrol|base|positions?|forces"
    # Members and ranks of a named armed group are armed too ("three suspected Boko Haram
    # members", "a Taliban commander", "an IS emir": our own examples).
    r"|(?:taliban|boko haram|iswap|al[- ]shabaa?b|shabaab|isis|isil|is|islamic state|hezbollah"
    r"|houthis?|jnim|adf|pkk|hts|nusra|ansar al-sunna)\s(?:[\w-]+\s)?(?:members?|commanders?"
    r"|emirs?|leaders?|militants?|fighters?)|\b\d+ taliban\b|\bemirs?\b|\bcommanders?)\b"
)


def classify_string(text: str, *, lead_chars: int | None = None) -> tuple[str, float]:
    """The CASE code of the dominant event in ``text`` and its cue score (0.0: no cue)."""
    text, lead_chars = mask_protest_topics(mask_covered_protests(text), lead_chars)
    scores = score_text(text, lead_chars=lead_chars)
    lowered = text.lower()
    resolve_blast(scores)
    resolve_epidemic(scores)
    resolve_disaster_topic(scores)
    protest = scores.get("PEACE_PROTEST", 0.0)
    if protest < _PROTEST_MIN:
        for code in _NEEDS_PROTEST:
            scores.pop(code, None)
    else:
        _resolve_protest(scores, protest, lowered)
    crowd_own_acts = _AT_AUTHORITY.search(lowered) or DEMONSTRATOR_ACTS.search(lowered)
    if "MOB_VIOL" in scores and protest < _PROTEST_MIN and not crowd_own_acts:
        scores["MOB_VIOL"] += scores.pop("VIOL_DEMONSTR", 0.0) / 2
    _resolve_attack(scores, lowered)
    _resolve_exchange(scores, lowered)
    resolve_engagement(scores, lowered)
    resolve_two_sides(scores, lowered)
    resolve_no_fighting(scores, lowered)
    resolve_repelled(scores, lowered)
    resolve_no_place(scores, lowered)
    resolve_seized_property(scores, lowered)
    resolve_territory(scores, lowered)
    resolve_post_assault(scores, lowered)
    resolve_mob(scores, lowered)
    resolve_named_militia(scores, lowered)
    resolve_protesters_at_police(scores, lowered)
    resolve_demonstrators(scores, lowered)
    resolve_property(scores, lowered)
    resolve_harm_with_destruction(scores, lowered)
    resolve_crime(scores, lowered)
    resolve_no_weapon(scores, lowered)
    resolve_disrupted(scores, lowered)
    resolve_remote_harm(scores)
    resolve_victims(scores, lowered)
    resolve_destructive_crowd(scores, lowered)
    resolve_exchange_of_fire(scores, lowered)
    resolve_gang_killing(scores, lowered)
    resolve_armed_group_measures(scores, lowered)
    resolve_partisan_violence(scores, lowered)
    resolve_one_sided_truce(scores, lowered)
    resolve_plain_harm(scores, lowered)
    resolve_quiet_movement(scores, lowered)
    if not scores:
        return "OTHER", 0.0
    best = max(scores, key=lambda code: (scores[code], -_PRIORITY.index(code)))
    if not is_acled(best):
        acled = [c for c in scores if is_acled(c)]
        runner = max(acled, key=lambda c: (scores[c], -_PRIORITY.index(c))) if acled else None
        # Out-of-scope wins only clearly: a violent report that mentions a "fire" or a
        # "gang" stays an ACLED event (margin tuned on CASE dev rows).
        if runner is not None and scores[runner] + _OUT_OF_SCOPE_MARGIN > scores[best]:
            best = runner
    return best, scores[best]


def _resolve_protest(scores: dict[str, float], protest: float, lowered: str) -> None:
    """In a protest report, pick the protest sub-type and let it outweigh battle cues."""
    family = {code: scores.get(code, 0.0) for code in _PROTEST_FAMILY}
    if not _RIOT_WORDS.search(lowered) and family["VIOL_DEMONSTR"] < 3:
        family["VIOL_DEMONSTR"] = min(family["VIOL_DEMONSTR"], 1.0)
    top = max(family, key=lambda code: family[code])
    if family[top] >= 1.5:
        scores[top] = protest + family[top]
        for code in _PROTEST_FAMILY:
            if code != top:
                scores.pop(code, None)
        scores.pop("PEACE_PROTEST", None)
    # A protest report's "clashes" and "grenades" (smoke, stun) are part of the protest.
    for code in ("ARMED_CLASH", "GRENADE", "ART_MISS_ATTACK", "ATTACK", "ARREST"):
        if code in scores:
            scores[code] /= 2


_VIOLENCE_OBJECT = re.compile(
    r"\b(?:killed|killing|shot dead|shot|executed|hacked|stabbed|murdered|beat|beaten|beating"
    r"|kicking|whipped|beheaded|hanged|tortured|assaulted|attacked|targeted|injured|wounded)\s"
    # Not the agent of a passive ("a man was beheaded by insurgents"): that is the attacker.
    r"(?!by\b)((?:a|an|the|his|her|their|two|three|four|five|several|dozens|many|at least"
    r"|\d+|[\w-]+)\b"
    r"(?:\s[\w-]+){0,6})"
)
# Individuals ACLED treats as civilians when unarmed (besides ``CIVILIAN_VICTIM``); the
# codebook counts former, retired and off-duty security personnel as civilians too.
# Road users, herders, fishermen, pilgrims, patients and refugees were added from our own
# examples (soldiers shooting "a motorcycle rider" is an Attack); CASE dev unchanged.
_PERSON = re.compile(
    r"\b(?:(?<!armed )m[ae]n|chief|elders?|traders?|officials?|activists?|drivers?|vendors?"
    r"|priests?|imams?|pastors?|businessm[ae]n|politicians?|mayor|youths?|unarmed"
    r"|shopkeepers?|merchants?|workers?|labou?rers?|employees?|nurses?|engineers?"
    r"|former|retired|off-duty|off duty|on leave|riders?|motorists?|cyclists?|pedestrians?"
    r"|shepherds?|herders?"
    r"|fisherm[ae]n|pilgrims|patients|refugees|displaced|civilian)\b"
)


def _resolve_attack(scores: dict[str, float], lowered: str) -> None:
    """ACLED: violence against unarmed civilians is an Attack, against armed actors a clash."""
    attack = scores.get("ATTACK", 0.0)
    if attack == 0.0:
        return
    # The victim is the object of the violence verb; counting every mention made the
    # perpetrators ("militants killed a village chief") look like armed victims.
    objects = " ".join(m.group(1) for m in _VIOLENCE_OBJECT.finditer(lowered))
    objects += " " + passive_victims(lowered)
    armed = len(_ARMED_VICTIM.findall(objects))
    civilians = len(CIVILIAN_VICTIM.findall(objects)) + len(_PERSON.findall(objects))
    if armed and not civilians and "ARMED_CLASH" not in scores:
        # Named armed victims and no civilian among them: a battle even with no clash word
        # ("security forces killed three Boko Haram members"); +0.25 breaks the tie with
        # the halved Attack (own tuning lines and CASE dev unchanged).
        scores["ARMED_CLASH"] = attack / 2 + 0.25
        scores["ATTACK"] = attack / 2
        return
    if not (armed or civilians):
        # Passive voice, no object, or an object we cannot tell ("the district
        # centre", "3 ANA members"): count every mention instead. Calling an unknown
        # object civilian cost 7 battles in the ACLED Afghanistan score-only regression check.
        civilians = len(CIVILIAN_VICTIM.findall(lowered))
        armed = len(_ARMED_VICTIM.findall(lowered))
    if armed > civilians and "ARMED_CLASH" in scores:
        scores["ARMED_CLASH"] += attack / 2
        scores["ATTACK"] = attack / 2


# ACLED codebook: an exchange (both sides firing) is an Armed clash even when heavy
# weapons are named; one-sided shelling is Shelling/artillery/missile attack.
_EXCHANGE = re.compile(
    r"\bclash(?:ed|es)?\b|\bexchange(?:d)? (?:of )?fire|\btraded fire|\bgun ?battle"
    r"|\brepel(?:led)?\b|\brepulsed\b|\bfought back\b|\bfirefight|\bgunfight"
    # Two sides fighting is mutual too (our own examples: "X fought Y; artillery was used").
    r"|\bfought\b|\bbattled\b|\bengaged\b|\b(?:heavy|fierce) fighting\b"
)


_CEASEFIRE_BROKEN = re.compile(
    r"\bviolat\w* (?:of )?(?:the |a )?cease-?fire|\bcease-?fire violations?"
)


# Fire in both directions said outright ("traded artillery fire", "exchanged mortar and
# small-arms fire", "fought each other with rockets", "both sides used tanks"): a clash
# even when no other clash word is in the text (written from the codebook rule above;
# checked on own tuning lines and CASE dev).
_MUTUAL = re.compile(
    r"\b(?:exchanged|traded|exchanging|trading)\s(?:[\w-]+\s){1,4}?(?:fire|gunfire|shots"
    r"|shelling|shells|rockets|salvos)\b"
    r"|\b(?:fighting|clashes|battles?|combat|hostilities)\b[^.;]{0,60}\bbetween\b"
    r"|\bfought (?:each other|one another)\b|\bboth sides (?:used|using|fired)"
    r"|\breturn(?:ed|ing) fire\b|\bresponded with (?:artillery|mortars?|rockets?|fire)"
    r"|\b(?:artillery|rocket|mortar) exchanges?\b"
)


def _resolve_exchange(scores: dict[str, float], lowered: str) -> None:
    if _CEASEFIRE_BROKEN.search(lowered):
        scores.pop("AGREEMENT", None)  # a broken ceasefire is fighting, not an agreement
    if "ART_MISS_ATTACK" not in scores:
        return
    if _MUTUAL.search(lowered) or ("ARMED_CLASH" in scores and _EXCHANGE.search(lowered)):
        outrank(scores, "ARMED_CLASH", scores["ART_MISS_ATTACK"])


# Ties go to the earlier code: specific weapons before generic violence.
_PRIORITY = (
    "SUIC_BOMB",
    "CHEM_WEAP",
    "GRENADE",
    "REM_EXPLOS",
    "AIR_STRIKE",
    "ART_MISS_ATTACK",
    "SEX_VIOL",
    "ABDUCT_DISSAP",
    "HQ_ESTABLISHED",
    "DISR_WEAP",
    "FORCE_AGAINST_PROTEST",
    "PROTEST_WITH_INTER",
    "VIOL_DEMONSTR",
    "MOB_VIOL",
    "PEACE_PROTEST",
    "GOV_REGAINS_TERIT",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
    "ARMED_CLASH",
    "ATTACK",
    "ARREST",
    "AGREEMENT",
    "CHANGE_TO_GROUP_ACT",
    "PROPERTY_DISTRUCT",
    "NATURAL_DISASTER",
    "MAN_MADE_DISASTER",
    "ORG_CRIME",
    "DIPLO",
    "ATTRIB",
    "OTHER",
)


def classify_text(doc: Doc) -> tuple[str, str]:
    """(event_type, sub_event_type) of the dominant event in a short text, ACLED names.

    Texts with no event cue get ("Strategic developments", "Other"), which is
    ACLED's residual class; out-of-scope texts get "Not an ACLED event".
    """
    first = next(iter(doc.sents), None) if doc.has_annotation("SENT_START") else None
    lead = first.end_char if first is not None else None
    code, _ = classify_string(doc.text, lead_chars=lead)
    sub = by_code(code)
    return sub.event_type, sub.name


__all__ = ["classify_string", "classify_text"]
