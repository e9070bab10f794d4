"""Document triage: conflict reports are kept, news without events is stored unparsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.ingest import RawDocument
from sitroom.pipeline import PipelineOptions, process
from sitroom.records import Record, Source
from sitroom.store import Store
from sitroom.triage import SHORT_TEXT_WORDS, triage_text
from sitroom.triage.lexicon import parse_lexicon

CLASH = (
    "Government troops clashed with rebels near the northern town of Barak on Tuesday, "
    "residents said. At least seven people were killed and a dozen wounded in the fighting, "
    "which began when the rebels attacked an army checkpoint at dawn. A local official said "
    "the army shelled rebel positions in the hills and that two soldiers were among the dead. "
    "Aid workers said hundreds of families had fled the town overnight, and the main road "
    "remained closed on Wednesday while the two sides exchanged fire along the river."
)
BUDGET = (
    "The finance committee approved the city budget on Tuesday after a long debate over "
    "school funding and road repairs. The mayor said the plan would keep property taxes "
    "flat for a third year while adding money for libraries and parks. Council members "
    "from the opposition argued that the numbers relied on optimistic sales tax forecasts "
    "and asked for a review in the spring. The budget now goes to the full council, which "
    "is expected to vote next month, and the mayor said she was confident it would pass "
    "with a comfortable majority after the changes agreed this week."
)


def test_a_clash_report_is_kept_and_a_budget_story_is_not() -> None:
    assert triage_text(CLASH).keep
    decision = triage_text(BUDGET)
    assert not decision.keep
    assert decision.reason is not None and "event cues" in decision.reason


def test_a_short_text_is_always_kept() -> None:
    short = "The council met on Tuesday to discuss the library."
    assert len(short.split()) < SHORT_TEXT_WORDS
    assert triage_text(short).keep


def test_a_cue_repeated_through_an_article_does_not_carry_it() -> None:
    # "police" is context (weight 1): said ten times it still counts twice.
    text = BUDGET + " " + " ".join(["The police were thanked for their help."] * 10)
    assert not triage_text(text).keep


def test_a_bad_cue_line_names_its_line() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_lexicon("event\t3\tclash\nevent\tthree\tblast\n")


def _raw(name: str, text: str) -> RawDocument:
    return RawDocument(source=Source(path=name, format="txt"), text=text, encoding="utf-8")


@pytest.mark.model
def test_pipeline_stores_triaged_documents_unparsed_and_reprocess_runs_them(
    tmp_path: Path,
) -> None:
    inputs = [_raw("before.txt", BUDGET), _raw("clash.txt", CLASH), _raw("budget.txt", BUDGET)]
    records = [r for r in process(inputs) if isinstance(r, Record)]
    # Input order is kept, whether a document waits for the parser or not.
    assert [r.source.path for r in records] == ["before.txt", "clash.txt", "budget.txt"]
    _, clash, budget = records
    assert clash.triage is None and clash.events and clash.entities
    assert budget.triage is not None and budget.text == BUDGET
    assert budget.entities == () and budget.quotes == () and budget.events == ()

    full = next(
        r
        for r in process([_raw("budget.txt", BUDGET)], options=PipelineOptions(triage=False))
        if isinstance(r, Record)
    )
    assert full.triage is None and full.entities and full.id == budget.id

    db = str(tmp_path / "t.db")
    store = Store(db)
    store.add_record(clash)
    store.add_record(budget)
    assert [row["path"] for row in store.triaged()] == ["budget.txt"]
    store.close()

    runner = CliRunner()
    listed = runner.invoke(app, ["triaged", "--db", db, "--format", "json"])
    assert listed.exit_code == 0 and '"budget.txt"' in listed.stdout
    rerun = runner.invoke(app, ["reprocess", "--triaged-out", "--db", db])
    assert rerun.exit_code == 0, rerun.output
    store = Store(db)
    assert store.triaged() == []
    stored = store.record(budget.id)
    assert stored is not None and stored["triage"] is None and stored["entities"]
    store.close()
