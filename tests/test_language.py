"""Reports in languages we do not process become rejections naming the language.

The foreign reports are written here (one attack, told in French, Spanish and
Arabic); the English ones that must never be rejected are the shared corpus,
samples/ and short or name-heavy English we write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import SitroomError
from sitroom.ingest import RawDocument, iter_raw
from sitroom.nlp.language import detect_language, language_name
from sitroom.pipeline import PipelineOptions, prepare_stream
from sitroom.records import Rejection
from tests.conftest import SAMPLES

FRENCH = (
    "Des hommes armés ont attaqué mardi le village de Tillabéri, dans l'ouest du Niger, "
    "tuant au moins 12 civils, selon des sources locales. Les assaillants, arrivés à moto, "
    "ont incendié des greniers et emporté du bétail avant de se replier vers la frontière "
    "malienne, a indiqué un responsable municipal."
)
SPANISH = (
    "Hombres armados atacaron el martes la aldea de Tillabéri, en el oeste de Níger, y "
    "mataron al menos a 12 civiles, según fuentes locales. Los atacantes, que llegaron en "
    "motocicleta, quemaron graneros y se llevaron el ganado antes de retirarse hacia la "
    "frontera con Malí, dijo un funcionario municipal."
)
ARABIC = (
    "هاجم مسلحون يوم الثلاثاء قرية تيلابيري في غرب النيجر، مما أسفر عن مقتل 12 مدنيا على "
    "الأقل، وفقا لمصادر محلية. وأحرق المهاجمون الذين وصلوا على دراجات نارية مخازن الحبوب "
    "واستولوا على الماشية قبل أن ينسحبوا نحو الحدود مع مالي، بحسب مسؤول محلي."
)

ENGLISH_HARD = [
    "Gunmen killed 3 in Kidal.",
    "Clashes in Deir ez-Zor: Al-Bukamal, Al-Mayadin, Hajin, Al-Susah, Al-Shafah, Abu Hammam, "
    "Gharanij, Al-Kishkiyah, Dhiban, Al-Busayrah, Muhassan, Al-Quriyah, Al-Asharah, Sabikhan.",
    "Fighting was reported in Tillabéri, Ouallam, Banibangou, Abala, Ayorou, Téra, Gothèye, "
    "Torodi and Makalondi on Tuesday, where the Front de libération du Sahel and the Katiba "
    "Ansar al-Islam wa al-Muslimin claimed attacks, the ministry said.",
    "« Nous avons tout perdu », said Aminata Traoré, a farmer from Tillabéri, who fled with "
    "her four children to the regional capital after gunmen burned the village granaries.",
]


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [(FRENCH, "fr", "French"), (SPANISH, "es", "Spanish"), (ARABIC, "ar", "Arabic")],
)
def test_foreign_report_is_a_rejection_naming_its_language(
    tmp_path: Path, text: str, code: str, name: str
) -> None:
    path = tmp_path / f"report-{code}.txt"
    path.write_text(text, encoding="utf-8")
    (item,) = list(prepare_stream(iter_raw([path]), options=PipelineOptions()))
    assert isinstance(item, Rejection), item
    assert (item.stage, item.code) == ("nlp", "E035")
    assert f"is in {name} ({code}" in item.detail


@pytest.mark.parametrize("text", ENGLISH_HARD)
def test_short_and_name_heavy_english_is_kept(text: str) -> None:
    found = detect_language(text, path="x")  # raises E035 if it were rejected
    if text.count(" ") > 20:  # enough words to know: English function words decide
        assert found.code == "en"


def test_accepted_languages_setting_lets_a_language_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(SitroomError):
        detect_language(FRENCH, path="fr.txt")
    monkeypatch.setenv("SITROOM_LANGUAGES", "en,fr")
    found = detect_language(FRENCH, path="fr.txt")
    assert found.code == "fr" and found.score > 0.99
    assert language_name("fr") == "French" and language_name("qq") == "qq"


def _english_reports(folder: Path) -> list[RawDocument]:
    return [item for item in iter_raw([folder]) if isinstance(item, RawDocument)]


def test_no_sample_report_is_rejected_for_its_language() -> None:
    for doc in _english_reports(SAMPLES):
        assert detect_language(doc.text, path=doc.source.path).code == "en", doc.source.path


def test_no_corpus_report_is_rejected_for_its_language(shared: Path) -> None:
    docs = _english_reports(shared / "corpus") + _english_reports(shared / "seed")
    assert len(docs) > 40
    for doc in docs:
        assert detect_language(doc.text, path=doc.source.path).code == "en", doc.source.path
