"""The plea itself in L区's plea history: the rights notices, the explanation letters (释法说理) delivered with
round 1, and the plea agreements (具结书) signed on paper with their signatures, shaped as plea/signing.py leaves
them (demo/signatures.py). One placeholder PDF stands in for every agreement's document."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from leniency.cases.stages import Procedure, Stage
from leniency.demo.district.history import Event, random_time
from leniency.demo.district.places import DISTRICT_NAME
from leniency.demo.signatures import signature_events, signature_rows
from leniency.documents.archive import write_bytes
from leniency.documents.pdf import render_pdf
from leniency.plea.models import PleaAgreement, RightsNotice, Signature
from leniency.study.models import LetterDelivery

if TYPE_CHECKING:
    from leniency.demo.district.state import District

PLACEHOLDER_FILE = "agreements/study-demo/placeholder.pdf"
NO_RECORDING_REASON = "2019至2020年本院签署具结书时尚未配备同步录音录像设备，签署在纸质具结书上进行"


def queue_plea(district: District) -> None:
    """For every person who pleaded: the rights notice, the letter unless the plan left it out, and before the
    trial the agreement with its three signatures, each queued with its events."""
    rng = district.rng
    stored = _placeholder()
    notices, agreements, letters = [], [], []
    for p in district.persons:
        if not p.pleaded:
            continue
        case = p.row.case
        authority, stage, on = {
            "investigation": ("police", Stage.INVESTIGATION, p.review_on),
            "prosecution_review": ("procuratorate", Stage.PROSECUTION_REVIEW, p.review_on),
            "trial": ("court", Stage.FIRST_INSTANCE, p.trial_on),
        }[p.plea_stage]
        when = min(random_time(on, rng, 11, 17), p.signed_at - timedelta(days=1))
        ack = not p.features.get("notice_not_acknowledged")
        notices.append(
            RightsNotice(
                defendant=p.row,
                stage=stage,
                authority=authority,
                notified_by_name="公安机关办案民警"
                if authority == "police"
                else str(case.prosecutor if authority == "procuratorate" else case.judge),
                notified_at=when,
                acknowledged=ack,
                acknowledgement="本人已阅读（听取）并理解上述权利和认罪认罚的法律规定。" if ack else "",
                notes="" if ack else "未在告知书上签字确认",
                recorded_by=case.prosecutor,
                recorded_at=when,
            )
        )
        if not p.features.get("letter_not_delivered"):
            letters.append(
                LetterDelivery(
                    defendant=p.row,
                    method=rng.choice(list(LetterDelivery.Method.values)),
                    delivered_at=p.rec1.finalised_at + timedelta(hours=2),
                    recorded_by=case.prosecutor,
                    recorded_at=p.rec1.finalised_at + timedelta(hours=3),
                )
            )
            letters[-1].recommendation_row = p.rec1
        if p.plea_stage != "trial":
            agreements.append(
                PleaAgreement(
                    defendant=p.row,
                    version=1,
                    status=PleaAgreement.Status.SIGNED,
                    recommendation_text=p.rec1.term_text()[:300],
                    charges_text=f"{p.crime}罪",
                    procedure=p.row.procedure or Procedure.EXPEDITED,
                    lawyer_name=str(p.lawyer),
                    file_name=stored.name,
                    sha256=stored.sha256,
                    size=stored.size,
                    generated_by=case.prosecutor,
                    generated_at=p.signed_at - timedelta(minutes=40),
                    signed_at=p.signed_at,
                )
            )
            p.agreement = agreements[-1]
            p.agreement.recommendation_row = p.rec1
    for p in district.persons:
        a = getattr(p, "agreement", None)
        if a is None:
            continue
        d, case = a.defendant, a.defendant.case
        # Signed on paper in 2019-2020: the defendant's signature is the scanned signed copy (the
        # placeholder stands in for it), the lawyer confirms on their account, and no signing was recorded.
        rows = signature_rows(
            a,
            defendant_name=d.name,
            lawyer=p.lawyer,
            prosecutor=case.prosecutor,
            times=[a.generated_at + timedelta(minutes=m) for m in (30, 35, 40)],
            image=stored,
            capture=Signature.Capture.SCAN,
            no_recording_reason=NO_RECORDING_REASON,
        )
        # `plea verify` checks each stored hash against the one its generation event registered.
        generated = Event(
            a.generated_at,
            "plea.agreement.generated",
            a,
            case.prosecutor,
            case,
            lambda a=a: {
                "defendant": a.defendant.pk,
                "version": 1,
                "sha256": a.sha256,
                "lawyer_exception": "",
            },
        )
        a.signature_rows = rows
        district.later(a.generated_at, [a, *rows], [generated])
        for i, (when, action, actor, _data) in enumerate(signature_events(a, rows)):
            data = lambda a=a, rows=rows, i=i: signature_events(a, rows)[i][3]  # noqa: E731 (pks once written)
            district.later(when, events=[Event(when, action, a, actor, case, data)])
    for n in notices:
        data = lambda n=n: {  # noqa: E731
            "defendant": n.defendant.pk,
            "stage": n.stage,
            "authority": n.authority,
            "acknowledged": n.acknowledged,
        }
        event = Event(n.notified_at, "plea.notice.recorded", n, n.recorded_by, n.defendant.case, data)
        district.later(n.notified_at, [n], [event])
    for letter in letters:
        data = lambda letter=letter: {  # noqa: E731
            "defendant": letter.defendant.pk,
            "recommendation": letter.recommendation_id,
            "method": letter.method,
        }
        event = Event(
            letter.delivered_at,
            "study.letter.delivered",
            letter,
            letter.recorded_by,
            letter.defendant.case,
            data,
        )
        district.later(letter.delivered_at, [letter], [event])
    district.counts.update(notices=len(notices), agreements=len(agreements), letters=len(letters))


def _placeholder():
    """One PDF stands in for every L区 具结书 (the demo does not render 580 documents); it says so."""
    pdf = render_pdf("study/placeholder_pdf.html", {"district": DISTRICT_NAME})
    return write_bytes(PLACEHOLDER_FILE, pdf)
