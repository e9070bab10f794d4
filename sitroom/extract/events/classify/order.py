"""The order in which the codebook rules run over the cue scores: one list.

Each rule reads the scores of one text (and the lower-cased text) and moves
score between two readings it decides between; a later rule sees what the
earlier ones did, so the order is part of the classifier. ``RULES`` is that
order; ``tests/extract/events/classify/test_order.py`` pins it. Where each rule
lives says what it decides: ``weapons`` (how the harm was done), ``sides`` (who
fought whom, mutual or one-sided), ``civilians`` (violence against people or
property), ``crowds`` (protests, riots, mobs), ``territory`` (places changing
hands, troop movements) and ``out_of_scope`` (crime, disasters, epidemics).
"""

from __future__ import annotations

from collections.abc import Callable

from sitroom.extract.events.classify.civilians import (
    resolve_attack,
    resolve_harm_with_destruction,
    resolve_plain_harm,
    resolve_property,
    resolve_victims,
)
from sitroom.extract.events.classify.crowds import (
    resolve_demonstrators,
    resolve_destructive_crowd,
    resolve_mob,
    resolve_named_militia,
    resolve_partisan_violence,
    resolve_protest,
    resolve_protesters_at_police,
)
from sitroom.extract.events.classify.out_of_scope import (
    resolve_armed_group_measures,
    resolve_crime,
    resolve_disaster_topic,
    resolve_epidemic,
    resolve_gang_killing,
)
from sitroom.extract.events.classify.sides import (
    resolve_engagement,
    resolve_exchange,
    resolve_exchange_of_fire,
    resolve_no_fighting,
    resolve_one_sided_truce,
    resolve_two_sides,
)
from sitroom.extract.events.classify.territory import (
    resolve_no_place,
    resolve_post_assault,
    resolve_quiet_movement,
    resolve_repelled,
    resolve_seized_property,
    resolve_territory,
)
from sitroom.extract.events.classify.weapons import (
    resolve_blast,
    resolve_disrupted,
    resolve_no_weapon,
    resolve_remote_harm,
)

# A rule moves score between readings, in place, given the scores and the lower-cased
# text; rules that read the scores only take the text too, so that all share one signature.
Rule = Callable[[dict[str, float], str], None]

RULES: tuple[Rule, ...] = (
    resolve_blast,
    resolve_epidemic,
    resolve_disaster_topic,
    resolve_protest,
    resolve_attack,
    resolve_exchange,
    resolve_engagement,
    resolve_two_sides,
    resolve_no_fighting,
    resolve_repelled,
    resolve_no_place,
    resolve_seized_property,
    resolve_territory,
    resolve_post_assault,
    resolve_mob,
    resolve_named_militia,
    resolve_protesters_at_police,
    resolve_demonstrators,
    resolve_property,
    resolve_harm_with_destruction,
    resolve_crime,
    resolve_no_weapon,
    resolve_disrupted,
    resolve_remote_harm,
    resolve_victims,
    resolve_destructive_crowd,
    resolve_exchange_of_fire,
    resolve_gang_killing,
    resolve_armed_group_measures,
    resolve_partisan_violence,
    resolve_one_sided_truce,
    resolve_plain_harm,
    resolve_quiet_movement,
)


def run_rules(scores: dict[str, float], lowered: str) -> None:
    """Apply every rule, in order, to ``scores`` (changed in place)."""
    for rule in RULES:
        rule(scores, lowered)


__all__ = ["RULES", "Rule", "run_rules"]
