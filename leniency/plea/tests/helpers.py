from datetime import timedelta

from django.utils import timezone

from leniency.cases.judgments import do_record_judgment
from leniency.cases.stages import Procedure
from leniency.plea.agreements import do_generate_agreement
from leniency.plea.checklist import CHECKLIST
from leniency.plea.models import Signature
from leniency.plea.notices import do_record_notice
from leniency.plea.signing import do_attest_as_lawyer, do_record_defendant_signature, do_sign_as_prosecutor


def notice(world, **extra):
    values = {
        "authority": "procuratorate",
        "notified_by_name": "艾检察官",
        "notified_at": timezone.now() - timedelta(hours=1),
        "acknowledged": True,
    }
    return do_record_notice(world.defendant, acting_user=world.prosecutor, **(values | extra))


def agreement(world, **extra):
    return do_generate_agreement(
        world.defendant,
        acting_user=world.prosecutor,
        procedure=extra.pop("procedure", Procedure.EXPEDITED),
        **extra,
    )


def png_bytes(width=60, height=20) -> bytes:
    """A small real PNG (a black stroke on white), as the signing pad's canvas would send."""
    import struct
    import zlib

    rows = b"".join(
        b"\x00" + b"".join(b"\x00\x00\x00" if y == height // 2 else b"\xff\xff\xff" for _ in range(width))
        for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def signing_recording(world, agreement=None):
    """The signing's recording, uploaded by the prosecutor through the recordings app's service."""
    import io

    from leniency.recordings.media import wav_bytes
    from leniency.recordings.services import do_add_recording

    return do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=io.BytesIO(wav_bytes()),
        original_name="signing.wav",
        session="signing",
        recorded_on=timezone.localdate(),
        agreement=agreement,
    )


def segment(recording, start=5, end=95):
    return {"recording": recording, "start_s": start, "end_s": end}


def sign_in_person(agreement, role, user, **evidence):
    """One party's act by `user`: the defendant's drawn signature (recorded by the prosecutor), the lawyer's
    attestation on their own account, or the prosecutor's signature. Without a recording segment, the reason
    none was made is recorded."""
    evidence = evidence or {"no_recording_reason": "录像设备故障，未能录制"}
    if role == Signature.Role.DEFENDANT:
        return do_record_defendant_signature(
            agreement, acting_user=user, capture="drawn", content=png_bytes(), **evidence
        )
    if role == Signature.Role.LAWYER:
        return do_attest_as_lawyer(
            agreement, acting_user=user, present=True, advised=True, voluntary=True, **evidence
        )
    return do_sign_as_prosecutor(agreement, acting_user=user, **evidence)


def sign_as(world, agreement, role, recording=None, **evidence):
    """Each act by the person who does it, naming the signing recording's segment (uploaded if not given)."""
    if not evidence:
        evidence = segment(recording or signing_recording(world, agreement))
    user = world.lawyer if role == Signature.Role.LAWYER else world.prosecutor
    return sign_in_person(agreement, role, user, **evidence)


def sign_all(world, agreement, recording=None):
    recording = recording or signing_recording(world, agreement)
    for role in (Signature.Role.DEFENDANT, Signature.Role.LAWYER, Signature.Role.PROSECUTOR):
        sign_as(world, agreement, role, recording)
    agreement.refresh_from_db()
    return agreement


def all_yes(**overrides):
    answers = {
        item.key: ("yes", "已核对卷宗材料") for item in CHECKLIST
    }  # a "符合" without evidence needs a note
    answers.update(overrides)
    return answers


def final_recommendation(world, months=18, change_basis="", **values):
    """A final recommendation made through the recommendations app's services, as a case holds it: the
    prosecutor drafts (the term set to `months`, on probation with a fine unless `values` say otherwise), the
    supervisor approves, the lawyer agrees, the prosecutor finalises. A round after a signed 具结书 needs a
    `change_basis`."""
    from leniency.recommendations import services

    rec = services.do_create_draft(world.defendant, acting_user=world.prosecutor, change_basis=change_basis)
    term = {
        "principal_penalty": "fixed_term",
        "kind": "fixed",
        "months": months,
        "probation": True,
        "probation_months": 24,
        "fine_yuan": "5000",
    }
    rec = services.do_update_draft(
        rec,
        acting_user=world.prosecutor,
        version=rec.version,
        values=term | values,
        deviation_reason="被告人退赔全部损失，取得谅解，从宽幅度高于模型",
    )
    rec = services.do_submit(rec, acting_user=world.prosecutor)
    services.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    services.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    return services.do_finalise(rec, acting_user=world.prosecutor)


def first_instance_judgment(world):
    """The court's 宣判 after `world.to_trial()`: one sentence for each defendant at first instance, through
    the judgment service (the stage form cannot reach 一审判决 without one)."""
    sentence = {"penalty": "fixed_term", "months": 12}
    do_record_judgment(
        world.case,
        sentences={world.defendant.pk: sentence, world.co_defendant.pk: sentence},
        acting_user=world.judge,
    )
    world.defendant.refresh_from_db()
    return world.defendant
