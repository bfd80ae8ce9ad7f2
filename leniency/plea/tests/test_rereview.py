"""A re-review journey (issue 17): v1 signed → reviewed → the court asks for an adjustment → v2 signed → adoption
refused until v2 is reviewed. It binds the rule "the review was of an older agreement version" in
`plea.review.adoption_blockers`: with that rule switched off, the adoption below goes through and this fails."""

import pytest

from leniency.errors import DomainError
from leniency.plea.voluntariness import do_record_review
from leniency.recommendations import services

from .helpers import agreement, all_yes, notice, sign_all

ANSWER = "调整后的建议已吸收辩方关于退赔的意见，刑期在类案区间之内，异议所称情节均已在调整中评价"


def finalised_round(world, **draft):
    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor, **draft)
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    return services.do_finalise(rec, acting_user=world.prosecutor)


def test_adoption_waits_for_a_review_of_the_new_agreement_version(world):
    first = finalised_round(world)
    notice(world)
    v1 = sign_all(world, agreement(world))
    assert v1.version == 1 and v1.recommendation_id == first.pk
    world.to_trial()
    review_v1 = do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    assert review_v1.agreement_id == v1.pk

    first.refresh_from_db()
    services.do_court_decision(
        first,
        acting_user=world.judge,
        decision="request_adjustment",
        grounds=["clearly_improper"],
        reasons="退赔情节未予充分评价，建议调整",
    )
    second = finalised_round(world, note="依法院建议调整")
    v2 = sign_all(world, agreement(world))
    assert v2.version == 2 and v2.recommendation_id == second.pk

    second.refresh_from_db()
    with pytest.raises(DomainError, match="自愿性审查针对的是旧版具结书") as refused:
        services.do_court_decision(second, acting_user=world.judge, decision="adopt", reasons=ANSWER)
    assert refused.value.field == "decision"
    assert "尚缺签名" not in refused.value.message and "不是现行的最终量刑建议" not in refused.value.message

    do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    decision = services.do_court_decision(second, acting_user=world.judge, decision="adopt", reasons=ANSWER)
    assert decision.recommendation_id == second.pk
