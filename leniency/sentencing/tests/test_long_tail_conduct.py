"""A secret taking told as 偷拿 is a theft (刑法第264条), not an injury (第234条 needs a harm to the body); issue 16
class 8. Fact texts written for these tests, not taken from any data set."""

from leniency.sentencing.extraction.charges import infer_charges


def test_a_secret_taking_told_as_touna_is_a_theft():
    """ "偷拿被害人现金" had been read as 故意伤害 (the profiles' 被害人): 刑法第234条 needs a harm to the body, which the
    fact does not tell, and 偷拿 is the secret taking of art. 264."""
    assert infer_charges("被告人甲偷拿被害人现金。") == ["盗窃"]
    assert infer_charges("被告人甲偷拿被害人乙的手机一部。") == ["盗窃"]


def test_a_blow_that_injures_is_not_read_as_a_theft():
    assert infer_charges("被告人甲用拳头殴打被害人乙的头部，致乙轻伤二级。") == ["故意伤害"]
