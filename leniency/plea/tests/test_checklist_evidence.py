"""The court's checklist shows each item's evidence beside the question (issue 17): a "符合" whose evidence the
platform lacks needs a note, and adoption needs the signing's recording or a recorded reason there is none."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from leniency.audit.models import AuditEvent
from leniency.errors import DomainError
from leniency.plea.checklist import CHECKLIST
from leniency.plea.evidence import checklist_evidence, signing_unrecorded
from leniency.plea.models import Signature
from leniency.plea.review import adoption_blockers
from leniency.plea.voluntariness import do_record_review

from .helpers import agreement, all_yes, notice, sign_all


def yes(**notes):
    return {item.key: ("yes", notes.get(item.key, "")) for item in CHECKLIST} | {
        "settlement_on_file": ("na", "无被害人")
    }


def at_trial(world):
    world.to_trial()


def log_meeting(world):
    from leniency.counsel.participation import do_log_participation

    assignment = world.defendant.counsel_assignments.get(lawyer=world.lawyer, ended_at__isnull=True)
    return do_log_participation(
        assignment,
        service="meeting",
        occurred_at=timezone.now() + timedelta(minutes=1),
        as_of=timezone.now() + timedelta(hours=1),
        minutes=40,
        acting_user=world.lawyer,
        note="会见，讲解认罪认罚的后果",
    )


def test_a_yes_without_its_evidence_needs_a_note_naming_what_was_relied_on(world, final_round):
    at_trial(world)
    with pytest.raises(DomainError, match="平台上没有权利告知书") as refused:
        do_record_review(
            world.defendant,
            acting_user=world.judge,
            answers=yes(agreement_on_file="x") | {"agreement_on_file": ("no", "未移送")},
        )
    assert refused.value.field == "rights_notified"
    review = do_record_review(
        world.defendant,
        acting_user=world.judge,
        answers=all_yes(agreement_on_file=("no", "未移送具结书"))
        | {
            key: ("yes", "庭审中当庭询问被告人并核对纸质卷宗")
            for key in ("rights_notified", "opinions_on_file", "no_coercion", "mental_state", "understands")
        }
        | {"lawyer_helped": ("yes", "值班律师出庭陈述"), "agreement_true_lawful": ("yes", "纸质具结书")}
        | {"settlement_on_file": ("na", "无被害人")},
    )
    event = AuditEvent.objects.get(action="plea.review.recorded")
    assert "rights_notified" in event.data["yes_without_evidence"] and review.items.count() == len(CHECKLIST)


def test_items_whose_evidence_is_on_file_need_no_note(world, final_round):
    notice(world)
    sign_all(world, agreement(world))
    at_trial(world)
    evidence = checklist_evidence(world.defendant, CHECKLIST)
    assert evidence["rights_notified"].missing == [] and evidence["agreement_on_file"].missing == []
    # The lawyer's opinion on the final round is on file (the workflow asks for it), and so is his first contact:
    # the legal advice (法律咨询) he gave the day the rota sent him.
    assert any("对量刑建议：同意" in e.label for e in evidence["opinions_on_file"].found)
    assert any("法律咨询" in e.label for e in evidence["opinions_on_file"].found)
    assert evidence["opinions_on_file"].missing == [] and evidence["lawyer_helped"].missing == []
    log_meeting(world)
    evidence = checklist_evidence(world.defendant, CHECKLIST)
    assert evidence["opinions_on_file"].missing == [] and evidence["lawyer_helped"].missing == []
    assert any("会见" in e.label for e in evidence["lawyer_helped"].found)
    review = do_record_review(world.defendant, acting_user=world.judge, answers=yes())
    assert review.passed


def test_the_review_form_shows_each_items_evidence_beside_the_question(client, world, final_round):
    notice_row = notice(world)
    at_trial(world)
    client.force_login(world.judge)
    page = client.get(reverse("plea_review_new", args=[world.defendant.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "平台上的依据材料" in html
    assert reverse("plea_notice", args=[notice_row.pk]) in html
    # The lawyer's contact (the world's legal advice) and his opinion are on file; the signed agreement is not.
    assert "法律咨询" in html and "缺：律师会见记录" not in html and "缺：具结书及签名" in html
    assert "对量刑建议：同意" in html  # the lawyer's opinion on the final round, beside the question


def strip_signing_recordings(agr):
    """Signatures from before signings were tied to their recording: neither a segment nor a reason."""
    Signature.objects.filter(agreement=agr).update(
        recording=None, recording_start_s=None, recording_end_s=None
    )
    agr.defendant.recordings.filter(session="signing").update(agreement=None)
    agr.defendant.recordings.filter(session="signing").delete()


def test_adoption_is_refused_without_a_recording_of_the_signing_or_a_reason(world, final_round):
    agr = sign_all(world, agreement(world))
    assert not signing_unrecorded(world.defendant)
    assert not any("签署没有录音录像" in b for b in adoption_blockers(world.defendant))
    strip_signing_recordings(agr)
    assert signing_unrecorded(world.defendant)
    assert any("签署没有录音录像，也没有记录无录像的原因" in b for b in adoption_blockers(world.defendant))
    Signature.objects.filter(agreement=agr, role="defendant").update(
        no_recording_reason="看守所录像设备故障，已报修"
    )
    assert not any("签署没有录音录像" in b for b in adoption_blockers(world.defendant))
