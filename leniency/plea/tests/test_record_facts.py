"""A signed 具结书 tells the sentencing engine the plea was made by the review for prosecution."""

from leniency.plea.models import PleaAgreement
from leniency.plea.tests.helpers import agreement, sign_all
from leniency.recommendations.record_facts import engine_facts, record_facts


def plea_of(defendant):
    return {f.key: f for f in record_facts(defendant)}["plea"]


def test_at_trial_a_signed_agreement_dates_the_plea_to_the_review_for_prosecution(world, final_round):
    signed = sign_all(world, agreement(world))
    assert signed.status == PleaAgreement.Status.SIGNED
    world.to_trial()
    plea = plea_of(world.defendant)
    assert (plea.value, plea.record) == ("prosecution_review", f"认罪认罚具结书第{signed.version}版")
    assert plea.presumed  # a text recording a plea in the investigation still wins
    assert "plea" not in {g.key for g in engine_facts(world.defendant, read={"plea": "investigation"})}


def test_without_a_signed_agreement_the_plea_is_presumed_at_the_current_stage(world, final_round):
    agreement(world)  # generated, not signed
    world.to_trial()
    assert plea_of(world.defendant).value == "trial"
