"""Task E56, debt 2: the tablets of a text (drug_tablets.counted_drugs) are read once per extract(), for both the
weighed quantities (drug_quantities.find_drugs) and the note on tablets told with no weight. Texts written for
this task."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing import extract as extract_module
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction import drug_quantities
from leniency.sentencing.extraction.drug_quantities import find_drugs, read_drugs
from leniency.sentencing.extraction.drug_tablets import counted_drugs

UNWEIGHED = (
    "经审理查明：2021年5月3日，被告人甲在某宾馆房间内以每片10元的价格向乙出售曲马多片40片，后被公安机关查获。"
)
WEIGHED_EACH = "经审理查明：被告人甲在其住处贩卖三唑仑片200片，每片含三唑仑0.25毫克，后被公安机关抓获。"
NO_DRUG = "经审理查明：被告人甲在某药店窃得感冒药30片，价值90元。"


@pytest.mark.parametrize(
    "text",
    [UNWEIGHED, WEIGHED_EACH, NO_DRUG],
    ids=["unweighed_tablets", "weight_per_tablet", "no_drug_named"],
)
def test_one_reading_gives_what_the_two_readers_gave(text):
    reading = read_drugs(text)
    assert reading.quantities == find_drugs(text)
    assert reading.tablets == counted_drugs(text)


def test_tablets_are_read_once_per_extract(monkeypatch):
    calls = []

    def counting(text):
        calls.append(text)
        return counted_drugs(text)

    monkeypatch.setattr(drug_quantities, "counted_drugs", counting)
    monkeypatch.setattr(
        extract_module, "counted_drugs", counting, raising=False
    )  # where it was read a second time
    facts = extract(UNWEIGHED, ["贩卖毒品"])
    assert len(calls) == 1
    assert any("未载明重量" in note for note in facts.notes)


def test_weighed_tablets_are_a_quantity_and_no_note():
    facts = extract(WEIGHED_EACH, ["贩卖毒品"])
    assert [d.grams for d in facts.drugs] == [Decimal("0.05")]
    assert not any("未载明重量" in note for note in facts.notes)


def test_a_text_naming_no_drug_reads_no_tablets(monkeypatch):
    monkeypatch.setattr(drug_quantities, "counted_drugs", lambda text: pytest.fail("no drug is named"))
    assert read_drugs(NO_DRUG) == drug_quantities.DrugReading([], [])
