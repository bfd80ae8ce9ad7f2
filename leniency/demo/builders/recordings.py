"""Demo recordings: a few tiny generated WAV files (a second of tone made with the `wave` module) for the
rights notice of the first demo agreements, hashed and stored like real uploads. The signing's recording is the
plea builder's: each demo signature names its segment, so it exists before the signatures."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from leniency.audit.trail import PendingEvent, record_many
from leniency.demo.geography import PROVINCE_CODE
from leniency.documents.archive import write_bytes
from leniency.plea.models import PleaAgreement, RightsNotice
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording

AGREEMENTS_WITH_RECORDINGS = 6


def build(*, seed: int, today, stdout) -> str | None:
    demo = {"defendant__case__region__parent__parent__code": PROVINCE_CODE}
    if Recording.objects.filter(**demo, session="notice").exists():
        return None
    agreements = list(
        PleaAgreement.objects.filter(**demo)
        .select_related("defendant", "defendant__case", "generated_by")
        .order_by("-generated_at", "pk")[:AGREEMENTS_WITH_RECORDINGS]
    )
    if not agreements:
        return None
    events, made = [], []
    with transaction.atomic():
        for n, agreement in enumerate(agreements):
            d = agreement.defendant
            notice = (
                RightsNotice.objects.filter(defendant=d, authority="procuratorate")
                .order_by("notified_at")
                .first()
            )
            sessions = []
            if notice is not None:
                sessions.insert(0, ("notice", notice.notified_at, notice, None, "审查起诉阶段权利告知"))
            for session, when, notice_row, agreement_row, text in sessions:
                data = wav_bytes(seconds=1.0, freq=220 + 40 * n + (60 if session == "signing" else 0))
                stored = write_bytes(f"recordings/{d.case_id}/{d.pk}/demo-{session}.wav", data)
                uploaded = when + timedelta(hours=2)
                recording = Recording.objects.create(
                    defendant=d,
                    session=session,
                    notice=notice_row,
                    agreement=agreement_row,
                    recorded_on=timezone.localtime(when).date(),
                    description=text,
                    original_name=f"{session}.wav",
                    kind="wav",
                    media_type="audio/wav",
                    file_name=stored.name,
                    size=stored.size,
                    sha256=stored.sha256,
                    uploaded_by=agreement.generated_by,
                    uploaded_at=uploaded,
                )
                made.append(recording)
                events.append(
                    PendingEvent(
                        "recordings.recording.added",
                        "recordings.recording",
                        str(recording.pk),
                        agreement.generated_by,
                        d.case_id,
                        {
                            "defendant": d.pk,
                            "session": session,
                            "sha256": stored.sha256,
                            "size": stored.size,
                            "kind": "wav",
                            "name": f"{session}.wav",
                        },
                        uploaded,
                    )
                )
        events.sort(key=lambda e: e.occurred_at)
        record_many(events)
    return f"recordings: {len(made)} placeholder WAV recordings of rights notices for {len(agreements)} signed agreements"
