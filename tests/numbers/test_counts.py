"""Counts and casualties: sentences written for these tests (no model needed)."""

from __future__ import annotations

import pytest

from sitroom.numbers.casualties import casualties
from sitroom.numbers.counts import parse_count, word_to_int


@pytest.mark.parametrize(
    ("text", "low", "best", "high"),
    [
        ("between 30 and 40", 30, 35, 40),
        ("at least 20", 20, 20, None),
        ("more than 100", 100, 100, None),
        ("up to 40", 40, 40, 40),
        ("nearly 40", 40, 40, 40),
        ("twelve", 12, 12, 12),
        ("a dozen", 12, 12, 12),
        ("dozens", 12, 12, None),
        ("tens", 10, 10, None),
        ("hundreds", 100, 100, None),
        ("twenty-five", 25, 25, 25),
        ("1,200", 1200, 1200, 1200),
        ("10 to 15", 10, 12, 15),
    ],
)
def test_parse_count(text: str, low: int, best: int, high: int | None) -> None:
    count = parse_count(text)
    assert count is not None
    assert (count.low, count.best, count.high) == (low, best, high)


def test_word_to_int() -> None:
    assert word_to_int("two hundred") == 200
    assert word_to_int("gunmen") is None


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Gunmen killed a teacher and wounded two students in the market.", 1, 2),
        ("At least twelve people were killed and dozens wounded in the blast.", 12, 12),
        ("The strike killed 6 civilians, including 2 women, the monitor said.", 6, None),
        ("9 soldiers including a commander were killed and 4 were wounded.", 9, 4),
        ("Three suicide bombers killed 19 people at a fish market.", 19, None),
        ("The raid left 3 dead and 5 injured.", 3, 5),
        ("Police arrested 45 protesters; no one was hurt.", 0, None),
        ("A roadside bomb killed or wounded at least 26 people.", None, None),
        ("Rebels abducted 14 villagers and looted the clinic.", None, None),
        ("The bodies of between 30 and 40 men were found on Monday.", 30, None),
        ("A 15-year-old boy who had been recruited in 2014 was later freed.", None, None),
    ],
)
def test_casualties_deaths_only(sentence: str, killed: int | None, wounded: int | None) -> None:
    result = casualties(sentence)
    assert (result.killed.low if result.killed else None) == killed
    assert result.wounded == wounded


def test_range_keeps_low_best_high() -> None:
    result = casualties("The bodies of between 30 and 40 men were found.")
    assert result.killed is not None
    assert (result.killed.low, result.killed.best, result.killed.high) == (30, 35, 40)
    assert result.fatality_text == "between 30 and 40"


def test_a_toll_that_rose_counts_its_new_figure() -> None:
    text = (
        "The death toll from Friday night's car bombing at a cafe on the seafront of the "
        "capital rose to twelve on Saturday."
    )
    killed = casualties(text).killed
    assert killed is not None and killed.low == 12


def test_a_counted_agent_with_a_worded_object_is_not_dead() -> None:
    killed = casualties("Near the town, one strike killed two fighters riding a motorcycle.").killed
    assert killed is not None and killed.low == 2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Commandos killed a rebel commander and 4 of his bodyguards near Goma.", 5),
        ("Gunmen killed 3 civilians and 2 soldiers in the town.", 5),
        # A second verb takes its own count: the arrested are not dead.
        ("Troops killed 3 militants and arrested 2 in the raid.", 3),
    ],
)
def test_a_further_object_of_the_kill_verb_is_dead_too(text: str, killed: int) -> None:
    count = casualties(text).killed
    assert count is not None and count.low == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen attacked a village near Gusau, resulting in the death of 4 people.", 4),
        ("A man was stabbed by rioters in Ranchi and later succumbed to his injuries.", 1),
        ("An airstrike hit a house in Ariha, killing a woman and her two children.", 3),
        ("Two soldiers and a civilian were killed in an IED attack near Douentza.", 3),
        # The attacker who kills himself is one of the dead.
        ("A bomber blew up his car at a checkpoint near Kirkuk, killing himself and 4 others.", 5),
        ("The gunman shot two guards and then killed himself.", 1),
        ("A fighter hurled grenades at the militants before blowing herself up.", 1),
        ("The group said two police officers had been publicly decapitated in the city.", 2),
        ("The body of a man abducted last week was found near Ansongo.", 1),
        ("The army killed 5 militants and lost 2 soldiers in clashes near Palma.", 7),
        # One more victim named by a tie to a counted group, with no count of its own.
        ("A shell hit their house in Idlib. Three children and their aunt died.", 4),
        ("Gunmen killed a farmer and his son on the road to Gao.", 2),
        ("Five people were killed and their homes burned near Gao.", 5),
    ],
)
def test_deaths_told_by_a_shared_or_later_verb(text: str, killed: int) -> None:
    count = casualties(text).killed
    assert count is not None and count.low == killed


def test_lost_things_are_not_deaths() -> None:
    assert casualties("The army lost 3 positions near the town.").killed is None
