"""The plea app's safeguards reach the court's decision through the recommendations app's registry."""

from leniency.plea.review import adoption_blockers
from leniency.plea.state import signed_agreement_rests_on
from leniency.recommendations import safeguards


def test_plea_registers_its_adoption_blockers_and_agreement_check():
    assert adoption_blockers in safeguards._ADOPTION_BLOCKERS
    assert signed_agreement_rests_on in safeguards._AGREEMENT_CHECKS


def test_the_court_is_told_there_is_no_agreement_yet(world):
    assert any("尚无认罪认罚具结书" in reason for reason in safeguards.adoption_blockers(world.defendant))
