"""The engine's answer as a draft starts from it: a penalty that can carry the term shown."""

from leniency.recommendations.engine import penalty_for_term


def test_a_model_term_beyond_six_months_is_imprisonment_not_detention():
    assert penalty_for_term("criminal_detention", 7) == "fixed_term"  # 拘役 is at most six months (art. 42)
    assert penalty_for_term("criminal_detention", 6) == "criminal_detention"
    # 有期徒刑 starts at six months (art. 45)
    assert penalty_for_term("fixed_term", 4) == "criminal_detention"
    assert penalty_for_term("fixed_term", 0) == "fixed_term"  # no term: the validation names the field
    assert penalty_for_term("fine_only", 0) == "fine_only"
