from decimal import Decimal

import pytest
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError, Forbidden
from leniency.recommendations import services
from leniency.recommendations.models import CourtDecision, SentencingRecommendation

S = SentencingRecommendation.Status


def actions(world):
    return list(
        AuditEvent.objects.filter(case_id=world.case.pk, action__startswith="recommendations.")
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_draft_runs_the_engine_on_the_defendants_facts(world, flow):
    rec = flow.draft()
    assert rec.round == 1 and rec.status == S.DRAFT and rec.machine_assisted
    assert rec.charges == ["盗窃"]
    assert rec.engine_months is not None and rec.months == rec.engine_months
    assert rec.calculation["steps"], "the engine's steps are stored"
    assert rec.model_version
    assert actions(world) == ["recommendations.draft.created"]
    event = AuditEvent.objects.get(action="recommendations.draft.created")
    assert event.data["defendant"] == world.defendant.pk and event.data["round"] == 1


def test_co_defendant_sentences_are_left_out_of_the_facts(world):
    from leniency.recommendations.engine import defendant_facts

    world.case.facts = "张某某盗窃手机。李某某系累犯。张某某到案后如实供述，自愿认罪认罚。"
    world.case.save()
    assert defendant_facts(world.defendant) == "张某某盗窃手机。张某某到案后如实供述，自愿认罪认罚。"


def test_the_plea_is_given_as_a_record_fact_not_added_to_the_text(world, flow):
    from leniency.recommendations.engine import defendant_facts

    assert defendant_facts(world.defendant) == world.case.facts
    rec = flow.draft()
    assert rec.facts_text == world.case.facts
    plea = rec.confirmed_facts.get(key="plea")
    assert (plea.value, plea.source) == ("prosecution_review", "record")
    assert "认罪认罚（审查起诉阶段" in " ".join(s["description_zh"] for s in rec.calculation["steps"])


def test_only_the_cases_procuratorate_may_draft(world):
    for user in (
        world.outsider_prosecutor,
        world.judge,
        world.lawyer,
        world.unassigned_lawyer,
        world.auditor,
    ):
        with pytest.raises(Forbidden, match="本案检察院的检察官可以起草"):
            services.do_create_draft(world.defendant, acting_user=user)
    # The supervising prosecutor of the same procuratorate may draft too.
    assert services.do_create_draft(world.defendant, acting_user=world.supervisor).round == 1


def test_large_change_requires_a_written_reason(world, flow, settings):
    settings.SENTENCING_DEVIATION_SHARE = 0.25
    rec = flow.draft()
    far = rec.engine_months * 2 + 6
    with pytest.raises(DomainError) as error:
        services.do_update_draft(
            rec,
            acting_user=world.prosecutor,
            version=rec.version,
            values={"principal_penalty": "fixed_term", "months": far, "probation": False},
        )
    assert error.value.field == "deviation_reason"
    rec = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        values={"principal_penalty": "fixed_term", "months": far, "probation": False},
        deviation_reason="多次盗窃，社会危害较大",
    )
    assert rec.months == far and rec.warnings and rec.deviation_reason
    # A small change needs no reason.
    near = max(6, rec.engine_months)
    rec = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        values={"principal_penalty": "fixed_term", "months": near, "probation": False},
    )
    assert rec.warnings == []


def test_similar_cases_outside_p10_p90_require_a_reason(world):
    from leniency.recommendations.engine import deviations

    similar = {"stats": {"n": 40, "p10": 6, "p90": 12, "median": 8}}
    assert deviations(engine_months=10, similar=similar, months=10) == []
    found = deviations(engine_months=10, similar=similar, months=12.5)
    assert [d["kind"] for d in found] == ["similar"]
    # Too few similar cases: no similar-case warning.
    assert deviations(engine_months=10, similar={"stats": {"n": 3, "p10": 6, "p90": 12}}, months=12.5) == []


def test_stale_version_is_a_conflict_not_an_overwrite(world, flow):
    rec = flow.draft()
    seen = rec.version
    services.do_update_draft(rec, acting_user=world.prosecutor, version=seen, values={}, note="第一人")
    with pytest.raises(DomainError) as error:
        services.do_update_draft(rec, acting_user=world.supervisor, version=seen, values={}, note="第二人")
    assert error.value.field == "version"
    rec.refresh_from_db()
    assert rec.note == "第一人"


def test_invalid_terms_name_the_field(world, flow):
    rec = flow.draft()
    cases = [
        ({"principal_penalty": "criminal_detention", "kind": "fixed", "months": 9}, "months"),
        (
            {"principal_penalty": "fixed_term", "kind": "range", "low_months": 12, "high_months": 10},
            "high_months",
        ),
        (
            {
                "principal_penalty": "fixed_term",
                "kind": "fixed",
                "months": 48,
                "probation": True,
                "probation_months": 60,
            },
            "probation",
        ),
        ({"principal_penalty": "fine_only", "fine_yuan": ""}, "fine_yuan"),
        ({"principal_penalty": "nonsense"}, "principal_penalty"),
    ]
    for values, field in cases:
        with pytest.raises(DomainError) as error:
            services.do_update_draft(
                rec, acting_user=world.prosecutor, version=None, values=values, deviation_reason="理由"
            )
        assert error.value.field == field, values


def test_review_approve_and_return(world, flow):
    rec = flow.draft()
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    assert rec.status == S.IN_REVIEW
    # The author may not review, nor a plain prosecutor, nor another district.
    for user in (world.prosecutor, world.outsider_prosecutor, world.judge):
        with pytest.raises(Forbidden, match="主管检察官可以审核"):
            services.do_review(rec, acting_user=user, decision="approve")
    with pytest.raises(DomainError) as error:
        services.do_review(rec, acting_user=world.supervisor, decision="return", comments=" ")
    assert error.value.field == "comments"
    services.do_review(rec, acting_user=world.supervisor, decision="return", comments="请核实退赃情况")
    rec.refresh_from_db()
    assert rec.status == S.RETURNED and rec.approved_at is None
    rec = services.do_update_draft(rec, acting_user=world.prosecutor, version=rec.version, values={})
    assert rec.status == S.DRAFT
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve")
    rec.refresh_from_db()
    assert rec.status == S.APPROVED and rec.approved_at is not None
    assert actions(world) == [
        "recommendations.draft.created",
        "recommendations.recommendation.submitted",
        "recommendations.review.returned",
        "recommendations.draft.updated",
        "recommendations.recommendation.submitted",
        "recommendations.review.approved",
    ]


def test_only_the_assigned_lawyer_gives_an_opinion_and_objections_need_reasons(world, flow):
    rec = flow.approved()
    for user in (world.unassigned_lawyer, world.prosecutor, world.judge):
        with pytest.raises(Forbidden, match="辩护人或值班律师可以提出意见"):
            services.do_give_opinion(rec, acting_user=user, position="agree")
    with pytest.raises(DomainError) as error:
        services.do_give_opinion(rec, acting_user=world.lawyer, position="object")
    assert error.value.field == "reasons"
    opinion = services.do_give_opinion(
        rec, acting_user=world.lawyer, position="object", reasons="已全额退赃", proposed_months=4
    )
    assert opinion.recommendation == rec and opinion.proposed_months == 4
    assert "recommendations.opinion.given" in actions(world)


def test_lawyer_cannot_comment_on_an_unapproved_draft(world, flow):
    rec = flow.draft()
    with pytest.raises(DomainError):
        services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")


def test_finalise_needs_the_lawyers_opinion_and_a_reply_to_an_objection(world, flow):
    rec = flow.approved()
    with pytest.raises(DomainError) as error:
        services.do_finalise(rec, acting_user=world.prosecutor)
    assert error.value.field == "lawyer_reply"
    services.do_give_opinion(rec, acting_user=world.lawyer, position="object", reasons="量刑偏重")
    with pytest.raises(DomainError) as error:
        services.do_finalise(rec, acting_user=world.prosecutor)
    assert error.value.field == "lawyer_reply"
    rec = services.do_finalise(rec, acting_user=world.prosecutor, lawyer_reply="退赃已在计算中评价")
    assert rec.status == S.FINAL and services.final_recommendation(world.defendant) == rec


def test_new_round_supersedes_the_open_one_and_keeps_history(world, flow):
    first = flow.approved()
    services.do_give_opinion(first, acting_user=world.lawyer, position="object", reasons="量刑偏重")
    second = flow.draft(values={"months": first.months}, deviation_reason="")
    first.refresh_from_db()
    assert second.round == 2 and first.status == S.SUPERSEDED
    assert SentencingRecommendation.objects.filter(defendant=world.defendant).count() == 2
    assert first.opinions.count() == 1


def test_a_final_round_stays_in_force_until_the_next_is_final(world, flow):
    first = flow.final()
    second = flow.draft()
    first.refresh_from_db()
    assert first.status == S.FINAL and second.status == S.DRAFT
    second = services.do_submit(second, acting_user=world.prosecutor)
    services.do_review(second, acting_user=world.supervisor, decision="approve")
    second.refresh_from_db()
    services.do_give_opinion(second, acting_user=world.lawyer, position="agree")
    services.do_finalise(second, acting_user=world.prosecutor)
    first.refresh_from_db()
    assert first.status == S.SUPERSEDED
    assert services.final_recommendation(world.defendant).round == 2


def test_court_adopts_only_when_no_blockers(world, flow):
    rec = flow.final()
    with pytest.raises(Forbidden, match="审判法院的法官可以作出决定"):  # under review: no court's case yet
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    flow.plea_signed()
    flow.at_trial()
    rec.refresh_from_db()
    for user in (world.outsider_judge, world.prosecutor, world.lawyer):
        with pytest.raises(Forbidden, match="审判法院的法官可以作出决定"):
            services.do_court_decision(rec, acting_user=user, decision="adopt")
    # The plea app's real check: a voluntariness review with an item failed blocks adoption, naming it.
    review = flow.reviewed(no_coercion=("no", "被告人当庭称侦查阶段受到威胁"))
    with pytest.raises(DomainError) as error:
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    assert error.value.field == "decision"
    assert "自愿性审查未通过" in error.value.message and "受到威胁" in error.value.message
    from leniency.plea.voluntariness import do_resolve_item

    do_resolve_item(
        review.items.get(key="no_coercion"),
        acting_user=world.judge,
        resolution="调看同步录音录像，未见威胁；被告人当庭确认自愿认罪",
    )
    decision = services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    assert decision.decision == CourtDecision.Decision.ADOPT
    assert actions(world)[-1] == "recommendations.court.adopted"


def test_court_adjustment_and_decision_otherwise_need_art_201_grounds(world, flow):
    rec = flow.final()
    flow.at_trial()
    rec.refresh_from_db()  # the case now has its court and judge
    with pytest.raises(DomainError) as error:
        services.do_court_decision(
            rec, acting_user=world.judge, decision="request_adjustment", reasons="偏重"
        )
    assert error.value.field == "grounds"
    with pytest.raises(DomainError) as error:
        services.do_court_decision(
            rec, acting_user=world.judge, decision="request_adjustment", grounds=["no_crime"], reasons="x"
        )
    assert error.value.field == "grounds"
    with pytest.raises(DomainError) as error:
        services.do_court_decision(
            rec, acting_user=world.judge, decision="request_adjustment", grounds=["clearly_improper"]
        )
    assert error.value.field == "reasons"
    services.do_court_decision(
        rec,
        acting_user=world.judge,
        decision="request_adjustment",
        grounds=["clearly_improper"],
        reasons="类案普遍判处拘役",
    )
    decision = services.do_court_decision(
        rec,
        acting_user=world.judge,
        decision="decide_otherwise",
        grounds=["charge_differs"],
        reasons="应认定为侵占罪",
        principal_penalty="criminal_detention",
        months=4,
    )
    assert decision.months == 4 and decision.ground_labels()[0].startswith("起诉指控的罪名")
    assert actions(world)[-2:] == [
        "recommendations.court.adjustment_requested",
        "recommendations.court.decided_otherwise",
    ]


def test_withdrawal_makes_the_final_round_lapse_and_keeps_it(world, flow):
    rec = flow.final()
    with pytest.raises(Forbidden, match="本案检察院或审判法院可以记录反悔"):
        services.do_mark_lapsed(world.defendant, acting_user=world.lawyer, reason="反悔")
    lapsed = services.do_mark_lapsed(world.defendant, acting_user=world.prosecutor, reason="犯罪嫌疑人反悔")
    assert lapsed.pk == rec.pk and lapsed.status == S.LAPSED
    assert services.final_recommendation(world.defendant) is None
    assert SentencingRecommendation.objects.filter(pk=rec.pk).exists()
    assert actions(world)[-1] == "recommendations.recommendation.lapsed"
    assert services.do_mark_lapsed(world.defendant, acting_user=world.prosecutor, reason="再次") is None


def test_fine_and_probation_are_stored(world, flow):
    rec = flow.draft()
    rec = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        deviation_reason="理由",
        values={
            "principal_penalty": "fixed_term",
            "kind": "fixed",
            "months": 8,
            "probation": True,
            "probation_months": 12,
            "fine_yuan": "3000",
        },
    )
    assert rec.probation and rec.probation_months == 12 and rec.fine_yuan == Decimal("3000.00")
    assert rec.term_text() == "有期徒刑八个月，缓刑一年，并处罚金人民币3,000元"


def test_after_a_signed_agreement_a_new_round_needs_a_basis(world, flow):
    flow.final()
    flow.plea_signed()
    with pytest.raises(DomainError) as error:
        flow.draft()
    assert error.value.field == "change_basis"
    rec = flow.draft(change_basis="补充侦查查明被告人另有退赃")
    assert rec.round == 2 and rec.change_basis.startswith("补充侦查")
    event = AuditEvent.objects.filter(action="recommendations.draft.created").order_by("-seq").first()
    assert event.data["change_basis"] == rec.change_basis


def test_court_request_for_adjustment_allows_a_new_round_without_basis(world, flow):
    first = flow.final()
    flow.plea_signed()
    flow.at_trial()
    first.refresh_from_db()  # the case now has its court and judge
    with pytest.raises(DomainError) as error:  # a signed 具结书 rests on the round: a new one needs a basis
        flow.draft()
    assert error.value.field == "change_basis"
    services.do_court_decision(
        first,
        acting_user=world.judge,
        decision="request_adjustment",
        grounds=["clearly_improper"],
        reasons="明显偏重",
    )
    assert flow.draft().round == 2


def test_penalty_wording_matches_the_model_labels():
    from django.utils import translation

    from leniency.recommendations.wording import PENALTY_ZH

    with translation.override("zh-hans"):
        assert PENALTY_ZH == {k: str(v) for k, v in SentencingRecommendation.Penalty.choices}


def test_the_court_decides_once_per_stage(world, flow):
    rec = flow.final()
    flow.ready_for_adoption()
    rec.refresh_from_db()  # the case now has its court and judge
    services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    with pytest.raises(DomainError) as error:
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    assert error.value.field == "decision"
    # On appeal the second-instance court decides again: the judgment, 上诉 lodged through the first court's
    # filing office (CPL art. 231), the intermediate court's filing and its judge (cases/judgments.py).
    from leniency.accounts.models import Organisation, Role, User
    from leniency.cases import judgments
    from leniency.cases import services as case_services

    today = timezone.localdate()
    sentence = {"penalty": "fixed_term", "months": 10}
    judgments.do_record_judgment(
        world.case,
        sentences={world.defendant.pk: sentence, world.co_defendant.pk: sentence},
        judged_on=today,
        acting_user=world.judge,
    )
    intermediate = Organisation.objects.create(
        name="测试市中级人民法院", kind=Organisation.Kind.COURT, region=world.region.parent
    )
    appellate_clerk = User.objects.create_user("ian", role=Role.COURT_CLERK, organisation=intermediate)
    appellate_judge, *members = [
        User.objects.create_user(name, role=Role.JUDGE, organisation=intermediate)
        for name in ("ivy", "ike", "iris")
    ]
    case_services.do_appeal(world.case, kind="appeal", lodged_on=today, acting_user=world.clerk)
    case_services.do_file_case(
        world.case, judge=appellate_judge, members=members, filed_on=today, acting_user=appellate_clerk
    )
    rec.refresh_from_db()
    with pytest.raises(
        Forbidden, match="审判法院的法官可以作出决定"
    ):  # the first-instance judge no longer acts
        services.do_court_decision(rec, acting_user=world.judge, decision="adopt")
    decision = services.do_court_decision(rec, acting_user=appellate_judge, decision="adopt")
    assert decision.stage == "appeal"
