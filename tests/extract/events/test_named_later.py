"""A place the lead leaves indefinite ("in a northeastern Nigerian village") takes the
name the next sentences give it ("the Borno State village of Bardari"), and an unknown
village is coded to the province its sentence names (sentences written for these
tests; the real gazetteer, which lacks the village)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import sitroom
from sitroom.records import Record

pytestmark = pytest.mark.model

TEXT = (
    "Gunmen shot dead 20 people in a northeastern Nigerian village on Tuesday.\n\n"
    "A local source said men in uniform entered the Borno State village of Qazwadiri and "
    "asked people to gather at the mosque.\n"
)


def _record(tmp_path: Path, text: str) -> Record:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    [record] = list(sitroom.extract_records([path], published=date(2014, 6, 5)))
    assert isinstance(record, Record)
    return record


def test_the_next_sentence_names_the_village_and_its_province_places_it(tmp_path: Path) -> None:
    [event] = _record(tmp_path, TEXT).events
    assert event.location_text == "Qazwadiri"
    assert (event.location, event.country, event.geo_precision) == ("Borno", "Nigeria", 3)


def test_another_noun_is_not_the_same_place(tmp_path: Path) -> None:
    text = TEXT.replace("the Borno State village of Qazwadiri", "the town of Maiduguri")
    [event] = _record(tmp_path, text).events
    assert event.location_text != "Maiduguri"
