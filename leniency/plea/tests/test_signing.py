"""The defendant signs as the defendant (issue 17 item 2): each party acts on their own account, the defendant's
signature is an image or scan held with its hash, and every signature names the signing's recording segment —
or a reason there is none, which the review committee sees."""

import hashlib
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from leniency.accounts.models import Organisation, Role, User
from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.documents.archive import read_stored
from leniency.errors import DomainError, Forbidden
from leniency.plea.models import PleaAgreement, Signature
from leniency.plea.signing import (
    do_attest_as_lawyer,
    do_record_defendant_signature,
    do_sign_as_prosecutor,
    next_step,
)
from leniency.recordings.media import wav_bytes
from leniency.recordings.services import do_add_recording

from .helpers import agreement, final_recommendation, png_bytes, segment, sign_as, signing_recording

R = Signature.Role
ATTEST = {"present": True, "advised": True, "voluntary": True}


def _defendant_signs(world, a, recording):
    return do_record_defendant_signature(
        a, acting_user=world.prosecutor, capture="drawn", content=png_bytes(), **segment(recording)
    )


def test_the_prosecutor_cannot_attest_for_the_lawyer(world, final_round):
    a = agreement(world)
    recording = signing_recording(world, a)
    _defendant_signs(world, a, recording)
    with pytest.raises(Forbidden, match="律师在场确认只能由被指派给该犯罪嫌疑人的辩护人或值班律师本人"):
        do_attest_as_lawyer(a, acting_user=world.prosecutor, **ATTEST, **segment(recording))
    assert not a.signatures.filter(role=R.LAWYER).exists()
    assert a.signatures.get(role=R.DEFENDANT).lawyer_present == ""  # nobody has confirmed yet


def test_a_lawyer_not_assigned_to_the_defendant_cannot_attest(world, final_round):
    a = agreement(world)
    recording = signing_recording(world, a)
    _defendant_signs(world, a, recording)
    with pytest.raises(Forbidden, match="律师在场确认只能由被指派"):
        do_attest_as_lawyer(a, acting_user=world.unassigned_lawyer, **ATTEST, **segment(recording))
    signature = do_attest_as_lawyer(a, acting_user=world.lawyer, **ATTEST, **segment(recording))
    assert signature.signer == world.lawyer and "自愿签署" in signature.attestation
    assert a.signatures.get(role=R.DEFENDANT).lawyer_present == str(world.lawyer)


def test_the_lawyer_attests_only_after_the_defendant_signed_and_only_what_they_confirm(world, final_round):
    a = agreement(world)
    recording = signing_recording(world, a)
    with pytest.raises(DomainError, match="犯罪嫌疑人尚未签名") as error:
        do_attest_as_lawyer(a, acting_user=world.lawyer, **ATTEST, **segment(recording))
    assert error.value.field == "agreement"
    _defendant_signs(world, a, recording)
    with pytest.raises(DomainError) as error:
        do_attest_as_lawyer(
            a, acting_user=world.lawyer, **(ATTEST | {"voluntary": False}), **segment(recording)
        )
    assert error.value.field == "voluntary" and "如不能确认，请勿签名" in error.value.message


def test_no_signature_and_so_no_effective_agreement_without_the_recording_or_a_reason(world, final_round):
    a = agreement(world)
    calls = [
        lambda: do_record_defendant_signature(
            a, acting_user=world.prosecutor, capture="drawn", content=png_bytes()
        ),
        lambda: do_sign_as_prosecutor(a, acting_user=world.prosecutor),
    ]
    for call in calls:
        with pytest.raises(DomainError, match="签名须关联签署过程的录音录像") as error:
            call()
        assert error.value.field == "recording"
    with pytest.raises(DomainError) as error:
        do_sign_as_prosecutor(a, acting_user=world.prosecutor, no_recording_reason="无")
    assert error.value.field == "no_recording_reason"
    a.refresh_from_db()
    assert a.status == PleaAgreement.Status.AWAITING and not a.signatures.exists()
    assert "犯罪嫌疑人在律师在场时当面签名" in next_step(a)


def test_the_segment_must_be_of_this_defendants_signing(world, final_round):
    a = agreement(world)
    notice_recording = do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=io.BytesIO(wav_bytes()),
        original_name="notice.wav",
        session="notice",
        recorded_on=timezone.localdate(),
    )
    with pytest.raises(DomainError, match="不是具结书签署环节") as error:
        do_sign_as_prosecutor(a, acting_user=world.prosecutor, **segment(notice_recording))
    assert error.value.field == "recording"
    recording = signing_recording(world, a)
    with pytest.raises(DomainError) as error:
        do_sign_as_prosecutor(a, acting_user=world.prosecutor, **segment(recording, start=60, end=60))
    assert error.value.field == "recording_end_s"


def test_all_three_with_the_recording_make_it_effective_and_say_what_next(world, final_round):
    a = agreement(world)
    recording = signing_recording(world, a)
    _defendant_signs(world, a, recording)
    a.refresh_from_db()
    assert next_step(a).startswith("等待律师在场确认")
    do_attest_as_lawyer(a, acting_user=world.lawyer, **ATTEST, **segment(recording))
    assert next_step(a) == "下一步：检察官签名"
    do_sign_as_prosecutor(a, acting_user=world.prosecutor, **segment(recording))
    assert a.status == PleaAgreement.Status.SIGNED and next_step(a).startswith("已生效，下一步：")
    assert {(s.recording_id, s.recording_start_s, s.recording_end_s) for s in a.signatures.all()} == {
        (recording.pk, 5, 95)
    }
    events = AuditEvent.objects.filter(action="plea.agreement.signed").order_by("seq")
    assert [e.data["role"] for e in events] == ["defendant", "lawyer", "prosecutor"]
    assert events[0].data["recording"] == recording.pk and events[0].data["segment"] == [5, 95]
    assert events[1].actor_id == world.lawyer.pk and events[1].data["attestation"] is True


def test_a_reason_instead_of_the_recording_is_a_warning_for_the_committee(client, world, final_round):
    a = agreement(world)
    reason = "同步录音录像设备故障，未能录制"
    for role in (R.DEFENDANT, R.LAWYER, R.PROSECUTOR):
        sign_as(world, a, role, no_recording_reason=reason)
    a.refresh_from_db()
    assert a.status == PleaAgreement.Status.SIGNED
    assert (
        AuditEvent.objects.filter(action="plea.agreement.signed", data__no_recording_reason=reason).count()
        == 3
    )
    committee = Organisation.objects.create(
        name="测试省监督评议委员会",
        kind=Organisation.Kind.REVIEW_COMMITTEE,
        region=world.region.parent.parent,
    )
    member = User.objects.create_user(
        "cora", password="x", role=Role.COMMITTEE_MEMBER, organisation=committee, display_name="cora"
    )
    client.force_login(member)
    body = client.get(reverse("oversight_petition_queue")).content.decode()
    assert "预警：具结书签名没有签署录音录像" in body and body.count(reason) == 3
    assert reverse("plea_agreement", args=[a.pk]) in body


def test_the_signatures_hash_is_the_hash_of_the_stored_image_and_scan(world, final_round):
    a = agreement(world)
    recording = signing_recording(world, a)
    drawn = _defendant_signs(world, a, recording)
    assert drawn.image_type == "image/png" and drawn.image_file.endswith(".png")
    assert drawn.image_sha256 == hashlib.sha256(read_stored(drawn.image_file)).hexdigest()
    assert read_stored(drawn.image_file) == png_bytes() and drawn.image_size == len(png_bytes())
    # a new version, signed on paper and scanned (JPEG)
    final_recommendation(world)  # a new round with the same term (the first 具结书 was never signed by all)
    b = agreement(world)
    scan = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(range(256)) * 8
    scanned = do_record_defendant_signature(
        b, acting_user=world.prosecutor, capture="scan", content=scan, **segment(signing_recording(world, b))
    )
    assert scanned.image_type == "image/jpeg" and scanned.capture == Signature.Capture.SCAN
    assert (
        scanned.image_sha256
        == hashlib.sha256(scan).hexdigest()
        == hashlib.sha256(read_stored(scanned.image_file)).hexdigest()
    )


def test_a_scan_that_is_not_pdf_jpeg_or_png_is_refused_naming_the_field(world, final_round, archive):
    a = agreement(world)
    recording = signing_recording(world, a)
    for content in (b"GIF89a" + b"\x00" * 64, b"PK\x03\x04 a docx is a zip"):
        with pytest.raises(DomainError, match="扫描件须为 PDF、JPEG 或 PNG 文件") as error:
            do_record_defendant_signature(
                a, acting_user=world.prosecutor, capture="scan", content=content, **segment(recording)
            )
        assert error.value.field == "scan"
    with pytest.raises(DomainError, match="手写签名须为 PNG 图像") as error:
        do_record_defendant_signature(
            a,
            acting_user=world.prosecutor,
            capture="drawn",
            content=b"%PDF-1.4 not a drawing",
            **segment(recording),
        )
    assert error.value.field == "drawn_png"
    assert not a.signatures.exists()
    assert not [p for p in (archive / "signatures").rglob("*") if p.is_file()]  # nothing left in the archive


def test_the_scan_refused_on_the_page_names_the_field(client, world, final_round):
    from django.core.files.uploadedfile import SimpleUploadedFile

    a = agreement(world)
    recording = signing_recording(world, a)
    client.force_login(world.prosecutor)
    response = client.post(
        reverse("plea_agreement_sign", args=[a.pk]),
        {
            "role": "defendant",
            "scan": SimpleUploadedFile("signed.pdf", b"<html>not a scan</html>", "application/pdf"),
            "recording": recording.pk,
            "recording_start_s": 0,
            "recording_end_s": 30,
        },
    )
    assert response.status_code == 400
    form = response.context["sign_forms"]["defendant"]
    assert "扫描件须为 PDF、JPEG 或 PNG 文件" in form.errors["scan"][0]


def test_the_signature_image_is_seen_like_the_agreement_and_each_read_is_logged(client, world, final_round):
    a = agreement(world)
    signature = _defendant_signs(world, a, signing_recording(world, a))
    url = reverse("plea_signature_image", args=[a.pk, signature.pk])
    world.to_trial()  # the judge sees the agreement, and its signatures, once the case is filed before the court
    client.force_login(world.judge)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()
    assert AuditEvent.objects.filter(action="plea.signature.image.accessed", actor=world.judge).count() == 1
    assert PersonalDataAccess.objects.filter(user=world.judge, fields="signature").count() == 1
    for outsider in (world.unassigned_lawyer, world.outsider_prosecutor):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


def test_an_image_altered_after_signing_invalidates_the_signature(world, final_round, archive):
    from leniency.plea.agreements import verify_agreement

    a = agreement(world)
    signature = _defendant_signs(world, a, signing_recording(world, a))
    assert all(check.ok for check in verify_agreement(a).checks)
    path = archive / signature.image_file
    path.write_bytes(path.read_bytes() + b"\x00")
    (check,) = verify_agreement(a).checks
    assert not check.ok and "签名图像或扫描件的存档文件缺失或被改动" in check.why


def test_a_signature_that_fails_in_its_transaction_leaves_no_image_behind(
    world, final_round, archive, monkeypatch
):
    from leniency.plea import signing

    a = agreement(world)
    recording = signing_recording(world, a)
    original = signing.record

    def failing(action, **kw):
        if action == "plea.agreement.signed":
            raise RuntimeError("the audit write failed")
        return original(action, **kw)

    monkeypatch.setattr(signing, "record", failing)
    with pytest.raises(RuntimeError):
        _defendant_signs(world, a, recording)
    assert not a.signatures.exists()
    assert not [p for p in (archive / "signatures").rglob("*") if p.is_file()]
    assert not [p for p in (archive / ".incoming").rglob("*") if p.is_file()]
