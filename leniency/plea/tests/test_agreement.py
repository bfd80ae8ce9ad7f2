import hashlib
from pathlib import Path

import pytest

from leniency.audit.models import AuditEvent
from leniency.documents.archive import archive_storage
from leniency.errors import DomainError, Forbidden
from leniency.plea.agreements import verify_agreement
from leniency.plea.models import PleaAgreement, Signature
from leniency.plea.review import adoption_blockers
from leniency.plea.story import status_line

from .helpers import agreement, final_recommendation, sign_all, sign_as

Role = Signature.Role


def test_generated_agreement_is_stored_with_the_hash_of_its_bytes(world, final_round, archive):
    a = agreement(world)
    data = archive_storage().open(a.file_name, "rb").read()
    assert data.startswith(b"%PDF") and a.size == len(data)
    assert a.sha256 == hashlib.sha256(data).hexdigest()
    assert Path(archive, a.file_name).exists()
    assert a.recommendation_text == "有期徒刑一年六个月，缓刑二年，并处罚金人民币5,000元"
    assert a.lawyer_name == "鲍律师" and a.status == PleaAgreement.Status.AWAITING
    event = AuditEvent.objects.get(action="plea.agreement.generated")
    assert event.data["sha256"] == a.sha256 and event.data["defendant"] == world.defendant.pk


def test_no_final_recommendation_no_agreement(world):
    with pytest.raises(DomainError) as error:
        agreement(world)
    assert error.value.field == "recommendation"


def test_without_an_assigned_lawyer_the_statutory_exception_must_be_recorded(world, final_round):
    world.defendant.counsel_assignments.update(ended_at="2026-09-02T00:00:00Z")
    with pytest.raises(DomainError) as error:
        agreement(world)
    assert error.value.field == "lawyer_exception" and "第一百七十四条" in error.value.message
    a = agreement(world, lawyer_exception=PleaAgreement.LawyerException.DISABILITY)
    sign_as(world, a, Role.PROSECUTOR)
    a.refresh_from_db()
    assert a.status == PleaAgreement.Status.SIGNED  # only the prosecutor's signature is required


def test_signed_by_all_three_each_binding_the_hash(world, final_round):
    a = sign_all(world, agreement(world))
    assert a.status == PleaAgreement.Status.SIGNED and a.signed_at is not None
    signatures = {s.role: s for s in a.signatures.all()}
    assert set(signatures) == {Role.DEFENDANT, Role.LAWYER, Role.PROSECUTOR}
    assert all(s.document_sha256 == a.sha256 for s in signatures.values())
    assert (
        signatures[Role.DEFENDANT].signer_name == "张某某"
        and signatures[Role.DEFENDANT].lawyer_present == "鲍律师"
    )
    assert signatures[Role.LAWYER].signer == world.lawyer
    assert AuditEvent.objects.filter(action="plea.agreement.signed").count() == 3
    assert AuditEvent.objects.filter(action="plea.agreement.completed").count() == 1
    assert all(check.ok for check in verify_agreement(a).checks)


def test_only_the_right_people_sign(world, final_round):
    from leniency.plea.signing import do_attest_as_lawyer, do_sign_as_prosecutor

    a = agreement(world)
    for user in (world.outsider_prosecutor, world.judge, world.lawyer):
        with pytest.raises(Forbidden, match="只有承办检察院的检察官"):
            do_sign_as_prosecutor(a, acting_user=user, no_recording_reason="设备故障，未能录制")
    with pytest.raises(Forbidden, match="律师在场确认只能由被指派"):
        do_attest_as_lawyer(
            a, acting_user=world.unassigned_lawyer, present=True, advised=True, voluntary=True
        )
    sign_as(world, a, Role.DEFENDANT)
    sign_as(world, a, Role.LAWYER)
    with pytest.raises(DomainError, match="已经签署"):
        sign_as(world, a, Role.LAWYER)  # twice


def test_new_final_recommendation_regenerates_and_voids_the_signatures(world, final_round):
    first = sign_all(world, agreement(world))
    # A new round after the signed 具结书, on a stated basis, finalised at twelve months.
    final_recommendation(world, months=12, change_basis="补充侦查查明被告人另有退赃，建议下调刑期")
    assert any("不是现行的最终量刑建议" in b for b in adoption_blockers(world.defendant))
    assert status_line(world.defendant) == ("量刑建议已变更，具结书第1版须重新生成", True)
    second = agreement(world)
    first.refresh_from_db()
    assert first.status == PleaAgreement.Status.SUPERSEDED and "第2版" in first.end_reason
    assert set(first.signatures.values_list("status", flat=True)) == {Signature.Status.VOID}
    assert second.version == 2 and second.recommendation_text.startswith("有期徒刑一年，")
    assert not any(check.ok for check in verify_agreement(first).checks)
    event = AuditEvent.objects.get(action="plea.agreement.superseded")
    assert sorted(event.data["voided_signatures"]) == sorted([Role.DEFENDANT, Role.LAWYER, Role.PROSECUTOR])


def test_tampered_file_invalidates_signatures_and_blocks_signing(world, final_round, archive):
    a = agreement(world)
    sign_as(world, a, Role.DEFENDANT)
    path = Path(archive, a.file_name)
    path.write_bytes(path.read_bytes().replace(b"%PDF", b"%PDF ", 1))
    result = verify_agreement(a)
    assert not result.matches and not result.checks[0].ok and "改动" in result.checks[0].why
    with pytest.raises(DomainError) as error:
        sign_as(world, a, Role.PROSECUTOR)
    assert "哈希" in error.value.message
    assert any("篡改" in b for b in adoption_blockers(world.defendant))


def test_adoption_blockers_until_signed_and_reviewed(world, final_round):
    from leniency.plea.voluntariness import do_record_review

    from .helpers import all_yes

    assert any("尚无认罪认罚具结书" in b for b in adoption_blockers(world.defendant))
    a = agreement(world)
    assert any("尚缺签名" in b and "辩护人" in b for b in adoption_blockers(world.defendant))
    sign_all(world, a)
    world.to_trial()
    assert adoption_blockers(world.defendant) == [
        "法院尚未进行认罪认罚自愿性审查（刑诉法解释第三百四十九条、第三百五十一条）"
    ]
    do_record_review(world.defendant, acting_user=world.judge, answers=all_yes())
    assert adoption_blockers(world.defendant) == []
