"""Synonym cues from the ACLED codebook's vocabulary and ordinary news usage.

These extend ``event_cues`` with words a conflict report uses for each sub-event
type that the CASE development rows happen not to contain. They were written
from the codebook definitions, not read off any labelled row, and their weights
follow the same scale (3 names the sub-event, 2 strong, 1 context).
"""

from __future__ import annotations

EXTRA_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "AIR_STRIKE": (
        (
            r"\bbarrel bombs?\b|\bsorties\b|\buavs?\b|\bbombers\b|\bgunships?\b|\baerial (?:bomb"
            r"|attack)",
            3,
        ),
        (r"\bcoalition aircraft|\bair support\b|\bair-launched|\bdropped bombs", 2),
    ),
    "ART_MISS_ATTACK": (
        (
            r"\bqassam\b|\btank shells?\b|\bmortar (?:rounds|shells|fire)|\brocket fire"
            r"|\bshells? (?:hit|landed|fell)",
            3,
        ),
    ),
    "REM_EXPLOS": (
        (
            r"\bvbieds?\b|\bbooby-?trap|\bremote-?controlled (?:bomb|device|explosive)"
            r"|\bmotorcycle bomb",
            3,
        ),
        (r"\bparcel bomb|\bbomb (?:exploded|went off|blast)|\bexplosives?-laden\b|\bunexploded", 2),
    ),
    "SUIC_BOMB": (
        (
            r"\bexplosive vest|\bself-detonat|\bsuicide bombers?\b|\bblew (?:himself|herself"
            r"|themselves)",
            5,
        ),
    ),
    "CHEM_WEAP": ((r"\bmustard gas|\btoxic chemicals?\b|\bchemical agents?\b", 5),),
    "ARMED_CLASH": (
        # Small arms mean both sides within rifle range: a clash, not remote violence.
        (r"\bsmall arms\b|\bmachine ?guns?\b|\bsnipers?\b|\bautomatic weapons\b", 2),
        (r"\bskirmish|\bheavy fighting|\bfierce (?:fighting|battles?)|\bcombat\b|\bgun ?fight", 3),
        (r"\btraded fire|\bfought\b|\bengaged in\b|\bfight(?:s)? (?:between|with|against)", 2),
    ),
    "GOV_REGAINS_TERIT": (
        (
            r"\b(?:army|troops|government forces|soldiers|military|regime forces|saa)\b[^.]{0,60}"
            r"\b(?:captured|seized|took control|took back|cleared|entered|liberated|regained)\b",
            3,
        ),
        (r"\bwrested control|\btook back\b|\bcleared (?:the )?(?:area|town|village|city)", 3),
    ),
    "NON_STATE_ACTOR_OVERTAKES_TER": (
        (
            r"\b(?:jihadists|separatists|al-shabaa?b|boko haram|houthis?"
            r"|tribal fighters)\b[^.]{0,60}"
            r"\b(?:seized|captured|took over|took control|overran|stormed)\b",
            4,
        ),
        (r"\bfell (?:in)?to (?:the )?(?:hands of )?(?:militants|rebels|insurgents|jihadists)", 4),
    ),
    "ATTACK": (
        (
            r"\bassassinat|\bmurder(?:ed)?\b|\bhacked to death|\bshot and killed\b"
            r"|\bkilled in cold blood",
            2,
        ),
        (
            r"\bopened fire on (?:a |the )?(?:crowd|civilians|passengers|worshippers|villagers"
            r"|people)",
            3,
        ),
    ),
    "ABDUCT_DISSAP": (
        (r"\btaken hostage|\bseized (?:\w+ )?(?:people|villagers|passengers|civilians)", 3),
    ),
    "PEACE_PROTEST": (
        (
            r"\bpicket|\bboycott|\bgathered (?:outside|in front of|to (?:demand|protest))"
            r"|\bmarchers\b",
            2,
        ),
    ),
    "PROTEST_WITH_INTER": (
        (
            r"\b(?:police|authorities|security forces) (?:dispersed|broke up|detained)"
            r"|\bdetained (?:\w+ )?(?:protesters|demonstrators|activists)",
            2,
        ),
    ),
    "FORCE_AGAINST_PROTEST": (
        (
            r"\bshot dead (?:\w+ )?(?:protesters|demonstrators)|\bfired on (?:\w+ )?(?:protesters"
            r"|demonstrators|crowds?)",
            3,
        ),
    ),
    "VIOL_DEMONSTR": (
        (
            r"\bmolotov|\bburn(?:ed|t|ing) tyres|\bvandali[sz]|\bpelted|\bhurled stones"
            r"|\btorched\b",
            2,
        ),
    ),
    "AGREEMENT": (
        (
            r"\baccord\b|\bsigned (?:a|an|the) (?:deal|agreement|accord|memorandum)"
            r"|\breconciliation\b",
            3,
        ),
        (r"\bexchange of prisoners|\bprisoner release|\bpeace process\b", 2),
    ),
    "ARREST": ((r"\bapprehended\b|\bnabbed\b|\barrest warrant|\bwere held\b|\bin custody\b", 3),),
    "CHANGE_TO_GROUP_ACT": (
        (
            r"\bsurrendered\b|\blaid down (?:their )?arms|\bswitched sides"
            r"|\bnew (?:armed )?group\b",
            3,
        ),
    ),
    "DISR_WEAP": (
        (
            r"\bshot down (?:a |an |the )?(?:drone|missile|rocket|uav)|\bbomb disposal"
            r"|\barms depot|"
            r"\bconfiscated\b|\bweapons (?:seized|recovered)",
            3,
        ),
    ),
    "PROPERTY_DISTRUCT": (
        (
            r"\bdemolish|\bransacked\b|\bburn(?:ed|t) down\b|\bset ablaze (?:houses|homes|shops"
            r"|vehicles)",
            3,
        ),
    ),
    "NON_VIOL_TERRIT_TRANSFER": (
        (r"\bpeacefully (?:entered|took over)|\btransferred control|\bhandover of\b", 4),
    ),
    "MAN_MADE_DISASTER": (
        (r"\bcapsized\b|\bstampede\b|\bderailed\b|\bbuilding collapse|\bgas leak", 4),
    ),
    "DIPLO": (
        (r"\bsummoned (?:the )?(?:ambassador|envoy|charg)|\bsevered (?:diplomatic )?ties", 3),
    ),
    "ATTRIB": ((r"\bdenied (?:any )?(?:involvement|responsibility)|\bblamed (?:\w+ )?for\b", 3),),
}
