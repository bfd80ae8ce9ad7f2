"""After each step the plea says what comes next and who does it (issue 17 item 9): walked through the real
services, from the first notice to the court's decision."""

from django.utils import timezone

from leniency.plea.models import Signature
from leniency.plea.next_step import next_step
from leniency.plea.voluntariness import do_record_review
from leniency.plea.withdrawals import do_record_withdrawal
from leniency.recommendations import services as recs

from .helpers import agreement, all_yes, notice, sign_as, signing_recording


def _next(world):
    world.defendant.refresh_from_db()
    return next_step(world.defendant)


def _final(world):
    rec = recs.do_create_draft(world.defendant, acting_user=world.prosecutor)
    rec = recs.do_submit(rec, acting_user=world.prosecutor)
    recs.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    recs.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    return recs.do_finalise(rec, acting_user=world.prosecutor)


def test_each_step_names_the_next_one_and_who_takes_it(world):
    assert "检察官告知诉讼权利" in _next(world)
    notice(world)
    assert "起草量刑建议" in _next(world)
    _final(world)
    assert "生成具结书" in _next(world)
    current = agreement(world)
    recording = signing_recording(world, current)
    assert "记录犯罪嫌疑人本人签名" in _next(world)
    sign_as(world, current, Signature.Role.DEFENDANT, recording)
    assert "以本人账号确认在场" in _next(world)
    sign_as(world, current, Signature.Role.LAWYER, recording)
    assert "检察官签署具结书" in _next(world)
    sign_as(world, current, Signature.Role.PROSECUTOR, recording)
    assert "提起公诉" in _next(world)

    world.to_trial()
    assert "审查认罪认罚的自愿性" in _next(world)
    do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    assert "采纳或不予采纳" in _next(world)


def test_a_withdrawal_says_what_the_procuratorate_does_next(world):
    notice(world)
    do_record_withdrawal(
        world.defendant,
        acting_user=world.prosecutor,
        initiated_by="defendant",
        reasons=["proc_standard_unclear"],
        occurred_at=timezone.now(),
    )
    assert "全面审查案件" in _next(world)
