"""What the platform holds about a defendant reaches the engine as facts with their record."""

import pytest

from leniency.recommendations import record_facts
from leniency.recommendations.record_facts import RecordFact, engine_facts, register_fact_source


@pytest.fixture
def paid(world):
    """A lower app's record: the compensation paid to the victim (as the victims app will register it)."""

    def source(defendant):
        return [
            RecordFact("compensation", True, "赔偿", "已赔偿被害人", "被害人赔偿记录", world.case.received_on)
        ]

    register_fact_source(source)
    yield source
    record_facts.unregister_fact_source(source)


def test_the_record_gives_charges_plea_stage_and_detention(world):
    facts = {f.key: f for f in record_facts.record_facts(world.defendant)}
    assert facts["charges"].value == ["盗窃"] and not facts["charges"].for_engine
    assert facts["plea"].value == "prosecution_review" and facts["plea"].presumed
    assert facts["plea"].recorded_on == world.defendant.stage_since
    assert facts["detention"].display == world.defendant.get_detention_display()


def test_a_registered_source_adds_its_facts_marked_record(world, paid):
    given = {g.key: g for g in engine_facts(world.defendant)}
    assert given["compensation"].value is True and given["compensation"].source == "record"
    assert given["compensation"].note == f"被害人赔偿记录 {world.case.received_on.isoformat()}"
    assert "charges" not in given and "detention" not in given


def test_a_presumed_plea_gives_way_to_the_plea_the_text_states(world):
    assert "plea" in {g.key for g in engine_facts(world.defendant, read={"plea": False})}
    assert "plea" not in {g.key for g in engine_facts(world.defendant, read={"plea": "investigation"})}
