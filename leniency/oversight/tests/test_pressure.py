"""Prosecutor pressure warnings (issue 17 item 8): each pattern with a case where it binds and one where it does
not; they reach the supervisor's review queue and the committee's queue."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from leniency.counsel.models import ParticipationEntry
from leniency.oversight.pressure import SIGNING_WITHIN_HOURS, prosecutor_warnings
from leniency.plea.tests.helpers import agreement, all_yes, notice, sign_all
from leniency.plea.voluntariness import do_record_review
from leniency.plea.withdrawals import do_record_withdrawal
from leniency.recommendations import services


def kinds(world):
    return [w.kind for w in prosecutor_warnings(world.procuratorate.pk)]


def approved_round(world, now, **draft):
    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor, now=now, **draft)
    rec = services.do_submit(rec, acting_user=world.prosecutor, now=now)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意", now=now)
    rec.refresh_from_db()
    return rec


def objection_then_round(world, months_delta):
    t0 = timezone.now() - timedelta(hours=5)
    first = approved_round(world, t0)
    services.do_give_opinion(
        first, acting_user=world.lawyer, position="object", reasons="建议过重", now=t0 + timedelta(hours=1)
    )
    months = max(first.months + months_delta, 1)
    penalty = "fixed_term" if months_delta > 0 else first.principal_penalty
    second = services.do_create_draft(
        world.defendant,
        acting_user=world.prosecutor,
        values={
            "principal_penalty": penalty,
            "months": months,
            "low_months": months,
            "high_months": months,
            "probation": False,
            "probation_months": None,
        },
        deviation_reason="依新查明的事实调整",
        now=t0 + timedelta(hours=2),
    )
    return first, second


def test_a_round_raised_after_the_defence_refused_is_a_warning(world):
    first, second = objection_then_round(world, +6)
    warnings = [w for w in prosecutor_warnings(world.procuratorate.pk) if w.kind == "raised_after_refusal"]
    assert len(warnings) == 1
    assert f"第2轮建议{second.months}个月，重于被拒绝的第1轮{first.months}个月" in warnings[0].evidence
    assert warnings[0].prosecutor == str(world.prosecutor)


def test_a_round_no_heavier_after_the_refusal_is_not(world):
    objection_then_round(world, -1)
    assert "raised_after_refusal" not in kinds(world)


def test_signing_within_hours_of_the_first_meeting_is_a_warning(world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "archive")
    approved_round(world, timezone.now() - timedelta(hours=4))
    # The lawyer's first contact with his client: the world's legal advice on the day the rota sent him.
    meeting = ParticipationEntry.objects.get(assignment__defendant=world.defendant, service="consultation")
    notice(world)
    from leniency.plea.tests.helpers import final_recommendation

    final_recommendation(world)  # signing needs a final round, made through the services
    sign_all(world, agreement(world))
    # The first contact three hours before the defendant signed.
    signed = world.defendant.plea_agreements.get().signatures.get(role="defendant").signed_at
    ParticipationEntry.objects.filter(pk=meeting.pk).update(occurred_at=signed - timedelta(hours=3))
    found = [w for w in prosecutor_warnings(world.procuratorate.pk) if w.kind == "quick_signing"]
    assert len(found) == 1 and f"不足{SIGNING_WITHIN_HOURS}小时" in found[0].evidence
    # A first contact three days before the signing leaves time: no warning.
    ParticipationEntry.objects.filter(pk=meeting.pk).update(occurred_at=timezone.now() - timedelta(days=3))
    assert "quick_signing" not in kinds(world)


def withdraw(world, **extra):
    return do_record_withdrawal(
        world.defendant,
        acting_user=world.prosecutor,
        initiated_by="defendant",
        occurred_at=timezone.now() - timedelta(minutes=5),
        **extra,
    )


def test_a_withdrawal_complaining_of_pressure_is_a_warning(world):
    withdraw(world, reasons=["other"], other_reason="承办检察官说不签就从重处罚", statement="")
    found = [w for w in prosecutor_warnings(world.procuratorate.pk) if w.kind == "pressure_complaint"]
    assert len(found) == 1 and "不签就" in found[0].evidence


def test_a_withdrawal_for_another_reason_is_not(world):
    withdraw(world, reasons=["def_changed_mind"], statement="想再考虑一下")
    assert "pressure_complaint" not in kinds(world)


def test_a_review_finding_coercion_is_a_warning_and_a_passed_one_is_not(world):
    world.to_trial()
    do_record_review(
        world.defendant, acting_user=world.judge, answers=all_yes(agreement_on_file=("no", "未移送"))
    )
    assert "pressure_complaint" not in kinds(world)
    do_record_review(
        world.defendant,
        acting_user=world.judge,
        answers=all_yes(agreement_on_file=("no", "未移送"), no_coercion=("no", "被告人称讯问时受到威胁")),
    )
    assert kinds(world).count("pressure_complaint") == 1


def test_warnings_reach_the_supervisor_and_the_committee_not_other_procuratorates(client, world, committee):
    objection_then_round(world, +6)
    client.force_login(world.supervisor)
    html = client.get(reverse("recommendations:queue")).content.decode()
    assert 'id="prosecutor-warnings"' in html and "拒绝后量刑建议加重" in html
    client.force_login(committee.cora)
    html = client.get(reverse("oversight_petition_queue")).content.decode()
    assert 'id="prosecutor-warnings"' in html and world.case.number in html
    assert prosecutor_warnings(world.procuratorate.pk + 999) == []
