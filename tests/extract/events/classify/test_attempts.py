"""Things that were tried or stopped, not done: an attempted takeover is an Armed
clash (a place that changed hands is territory), and a bomb found and safely detonated
is Disrupted weapons use (one that went off and killed is not).

Sentences written for these tests (not in tests/data/event_types_own.jsonl), each
with a contrast where the rule must not fire.
"""

from __future__ import annotations

import pytest

from sitroom.extract.events.classify.dominant import classify_string
from sitroom.extract.events.classify.territory import resolve_attempted_takeover

CASES: tuple[tuple[str, str], ...] = (
    (
        "On 12 March 2020, regime forces clashed with rebel fighters near Saraqib in an "
        "attempt to retake the town.",
        "ARMED_CLASH",
    ),
    (
        "On 3 May 2020, government troops clashed with insurgents in Mocimboa da Praia as "
        "they tried to recapture the port.",
        "ARMED_CLASH",
    ),
    (
        "On 7 May 2020, the military failed to regain control of the village after clashes "
        "with ADF rebels.",
        "ARMED_CLASH",
    ),
    (
        "On 6 May 2020, Taliban militants attacked a checkpoint in a bid to take control of "
        "the district centre; four soldiers were killed.",
        "ARMED_CLASH",
    ),
    # Contrasts: the place changed hands.
    (
        "On 5 May 2020, the army recaptured the town of Saraqib from rebel fighters after "
        "heavy clashes.",
        "GOV_REGAINS_TERIT",
    ),
    (
        "On 8 May 2020, the army tried to retake Bakhmut but was repelled; later that day "
        "troops recaptured the village of Ivanivske.",
        "GOV_REGAINS_TERIT",
    ),
    (
        "On 2 March 2020, government troops took over the village of Kafr Nabl following "
        "clashes with rebel fighters.",
        "GOV_REGAINS_TERIT",
    ),
)


@pytest.mark.parametrize(("text", "code"), CASES)
def test_attempts_are_clashes_and_transfers_are_territory(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_the_attempt_moves_the_territory_score_to_the_clash() -> None:
    scores = {"GOV_REGAINS_TERIT": 3.5, "ARMED_CLASH": 2.0}
    resolve_attempted_takeover(scores, "troops pushed to retake the town")
    assert scores == {"ARMED_CLASH": 5.5}
    untouched = {"GOV_REGAINS_TERIT": 3.5}
    resolve_attempted_takeover(untouched, "troops managed to retake the town")
    assert untouched == {"GOV_REGAINS_TERIT": 3.5}


STOPPED: tuple[tuple[str, str], ...] = (
    (
        "On 3 June 2020, an IED planted by militants was found and detonated safely by the "
        "army near Mogadishu.",
        "DISR_WEAP",
    ),
    ("Police carried out a controlled explosion of a suspicious package in Nairobi.", "DISR_WEAP"),
    (
        "On 3 June 2020, a roadside bomb was found near Kismayo; it exploded as soldiers "
        "approached, killing two.",
        "REM_EXPLOS",
    ),
)


@pytest.mark.parametrize(("text", "code"), STOPPED)
def test_a_bomb_made_safe_is_disrupted_and_one_that_killed_is_not(text: str, code: str) -> None:
    assert classify_string(text)[0] == code
