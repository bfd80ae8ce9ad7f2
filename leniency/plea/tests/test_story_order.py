"""The plea story's order (issue 17 item 7): a recording sits after the step it records, not at a made-up noon."""

from datetime import date, datetime

from django.utils import timezone

from leniency.plea.models import RightsNotice, Withdrawal
from leniency.plea.story import Records, story
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
