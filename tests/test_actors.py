"""Actor normalisation: alias table, ACLED naming and inter codes."""

from __future__ import annotations

import pytest

from sitroom.resolve.actors import normalize_actor, same_actor


@pytest.mark.parametrize(
    ("text", "name", "inter"),
    [
        ("Islamic State fighters", "Islamic State", 2),
        ("ISIS", "Islamic State", 2),
        ("ISIL militants", "Islamic State", 2),
        ("IS", "Islamic State", 2),
        ("Daesh", "Islamic State", 2),
        ("the Taliban", "Taliban", 2),
        ("Boko Haram insurgents", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
        ("al-Shabab militants", "Al Shabaab", 2),
        ("Houthi rebels", "Houthi Movement (Ansar Allah)", 2),
        ("Ansar Allah", "Houthi Movement (Ansar Allah)", 2),
        (
            "Kurdish Peshmerga forces",
            "Military Forces of Iraq (Kurdistan Regional Government Peshmerga)",
            1,
        ),
        ("the YPG", "YPG: People's Protection Units", 2),
        ("coalition airstrikes", "Coalition Forces (Operation Inherent Resolve)", 8),
        ("Iraqi army", "Military Forces of Iraq", 1),
        ("Iraqi security forces", "Military Forces of Iraq", 1),
        ("Afghan police", "Police Forces of Afghanistan", 1),
    ],
)
def test_alias_table(text: str, name: str, inter: int) -> None:
    actor = normalize_actor(text)
    assert (actor.name, actor.inter) == (name, inter)


def test_government_forces_take_the_context_country() -> None:
    assert normalize_actor("government forces", country="Syria").name == "Military Forces of Syria"
    assert normalize_actor("regime forces", country="Syria").inter == 1
    assert (
        normalize_actor("government aircraft", country="Syria").name == "Military Forces of Syria"
    )


def test_unknown_actors() -> None:
    gunmen = normalize_actor("unidentified gunmen", country="Iraq")
    assert (gunmen.name, gunmen.inter) == ("Unidentified Armed Group (Iraq)", 3)
    kept = normalize_actor("a feared brigade")
    assert (kept.name, kept.inter, kept.alias) == ("a feared brigade", None, None)
    assert normalize_actor("civilians", country="Yemen").name == "Civilians (Yemen)"
    assert normalize_actor("protesters").inter == 6


def test_same_actor_ignores_period_suffix() -> None:
    assert same_actor("Military Forces of Afghanistan", "Military Forces of Afghanistan (2014-)")
    assert not same_actor("Taliban", "Islamic State")
