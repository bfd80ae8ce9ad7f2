"""The plea story's order (issue 17 item 7): a recording sits after the step it records, not at a made-up noon."""

from datetime import date, datetime

from django.db.models import Prefetch
from django.utils import timezone

from leniency.plea.models import PleaAgreement, RightsNotice, Signature, Withdrawal
from leniency.plea.story import Records, load_records, story
from leniency.recordings.models import Recording


def _at(hour, minute=0):
    return timezone.make_aware(datetime(2026, 11, 3, hour, minute))


def test_a_recording_of_the_notice_precedes_the_withdrawal_that_followed_it(world):
    notice = RightsNotice(
        pk=1, defendant=world.defendant, authority="procuratorate", notified_at=_at(9, 30), acknowledged=True
    )
    recording = Recording(
        pk=2,
        defendant=world.defendant,
        notice_id=1,
        session="notice",
        recorded_on=date(2026, 11, 3),
        uploaded_at=_at(11, 45),  # uploaded after the withdrawal, of a step before it
        original_name="notice.wav",
    )
    withdrawal = Withdrawal(
        pk=3, defendant=world.defendant, stage="prosecution_review", occurred_at=_at(11, 0)
    )
    records = Records(notices=[notice], recordings=[recording], withdrawals=[withdrawal])

    entries = story(world.defendant, records)

    assert [e.kind for e in entries] == ["notice", "recording", "withdrawal"]
    shown = entries[1]
    assert shown.date_only and "2026-11-03" in shown.title


def test_an_unlinked_recording_sits_at_its_upload_and_same_moment_steps_keep_their_natural_order(world):
    recording = Recording(
        pk=4,
        defendant=world.defendant,
        session="consultation",
        recorded_on=date(2026, 11, 3),
        uploaded_at=_at(10),
    )
    withdrawal = Withdrawal(pk=5, defendant=world.defendant, stage="prosecution_review", occurred_at=_at(10))
    notice = RightsNotice(pk=6, defendant=world.defendant, authority="procuratorate", notified_at=_at(10))
    entries = story(
        world.defendant, Records(notices=[notice], recordings=[recording], withdrawals=[withdrawal])
    )
    assert [e.kind for e in entries] == ["notice", "recording", "withdrawal"]


def test_signatures_are_told_in_their_signing_order_whatever_order_they_were_read_in(world):
    """load_records reads an agreement's signatures without an ORDER BY (issue 21): the story orders them by
    signed_at, then id, the model's order, whatever order the database gives (here the reverse of ids)."""
    agreement = PleaAgreement.objects.create(
        defendant=world.defendant,
        version=1,
        recommendation_text="有期徒刑一年",
        charges_text="盗窃罪",
        procedure="summary",
        file_name="a.pdf",
        sha256="0" * 64,
        size=1,
        generated_at=_at(9),
    )
    sign = {"agreement": agreement, "document_sha256": "0" * 64, "recorded_by": world.prosecutor}
    # The last one was signed first; the two others at the same moment, in the order of their ids.
    Signature.objects.create(role="prosecutor", signer_name="检察官乙", signed_at=_at(11), **sign)
    Signature.objects.create(role="lawyer", signer_name="律师甲", signed_at=_at(11), **sign)
    Signature.objects.create(role="defendant", signer_name="被告人丙", signed_at=_at(10), **sign)

    (loaded,) = load_records([world.defendant.pk])[world.defendant.pk].agreements
    assert {s.signer_name for s in loaded.signatures.all()} == {"律师甲", "被告人丙", "检察官乙"}
    reversed_read = PleaAgreement.objects.prefetch_related(
        Prefetch("signatures", Signature.objects.order_by("-id"))
    ).get(pk=agreement.pk)

    entries = story(world.defendant, Records(agreements=[reversed_read]))

    signers = [e.detail for e in entries if e.kind == "signature"]
    assert signers == ["被告人丙", "检察官乙", "律师甲"]
