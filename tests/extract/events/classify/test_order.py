"""The order in which the codebook rules run, pinned: a later rule sees what earlier
ones did, so moving one is a change of the classifier, to be made on purpose."""

from __future__ import annotations

from sitroom.extract.events.classify import RULES, classify_string

EXPECTED = [
    "resolve_blast",
    "resolve_epidemic",
    "resolve_disaster_topic",
    "resolve_protest",
    "resolve_attack",
    "resolve_exchange",
    "resolve_engagement",
    "resolve_two_sides",
    "resolve_no_fighting",
    "resolve_repelled",
    "resolve_no_place",
    "resolve_seized_property",
    "resolve_territory",
    "resolve_post_assault",
    "resolve_mob",
    "resolve_named_militia",
    "resolve_protesters_at_police",
    "resolve_demonstrators",
    "resolve_property",
    "resolve_harm_with_destruction",
    "resolve_crime",
    "resolve_no_weapon",
    "resolve_disrupted",
    "resolve_remote_harm",
    "resolve_victims",
    "resolve_destructive_crowd",
    "resolve_exchange_of_fire",
    "resolve_gang_killing",
    "resolve_armed_group_measures",
    "resolve_partisan_violence",
    "resolve_one_sided_truce",
    "resolve_plain_harm",
    "resolve_quiet_movement",
]
HOMES = {"weapons", "sides", "civilians", "crowds", "territory", "out_of_scope"}


def test_rule_order_snapshot() -> None:
    assert [rule.__name__ for rule in RULES] == EXPECTED


def test_each_rule_lives_in_a_module_named_for_what_it_decides() -> None:
    homes = {rule.__module__.rsplit(".", 1)[1] for rule in RULES}
    assert homes == HOMES


def test_rules_run_in_this_order_on_a_text() -> None:
    # resolve_attack (5th) makes soldiers killed by militants a clash, before
    # resolve_plain_harm (32nd) could lift the harm to an individual.
    code, _ = classify_string("Militants attacked an army post and killed four soldiers.")
    assert code == "ARMED_CLASH"
