"""Demo plea histories: rights notices at each stage, signed agreements for those who pleaded, the court's
voluntariness reviews, and withdrawals at every stage (a few percent), with historical audit events.

Built after the recommendations demo (leniency.demo.extensions): an agreement needs a final recommendation.
Deterministic for a seed; idempotent (nothing is added once a demo defendant has a notice). Rendering a
具结书 with the CJK font takes about half a second, so real PDFs are made for at most `AGREEMENT_PDFS`
pleaded defendants, persona cases and recent ones first; the others share one archive copy that says so. Every
person whose case facts say they signed has the agreement and its three signatures (demo/signatures.py), so the
plea rate of the measures registry comes out as a real district's.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from leniency.accounts.models import User
from leniency.audit.models import AuditEvent
from leniency.audit.trail import PendingEvent, record_many
from leniency.cases.models import Defendant
from leniency.cases.stages import Procedure, Stage
from leniency.counsel.models import CounselAssignment
from leniency.demo.geography import PROVINCE_CODE
from leniency.demo.signatures import signature_events, signature_rows
from leniency.documents.archive import write_bytes
from leniency.documents.pdf import render_pdf
from leniency.plea.agreements import PDF_TEMPLATE, charges_text, document_context
from leniency.plea.checklist import CHECKLIST
from leniency.plea.models import (
    PleaAgreement,
    ReviewItem,
    RightsNotice,
    Signature,
    VoluntarinessReview,
    Withdrawal,
)
from leniency.plea.taxonomy import DEFAULT_CONSEQUENCES, Consequence, WithdrawalReason, WithdrawalStage
from leniency.recommendations.models import SentencingRecommendation
from leniency.recommendations.services import do_mark_lapsed
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording

AGREEMENT_PDFS = 30
NON_PROSECUTION_TEXT = "同意人民检察院依法作出不起诉决定"
NOTICE_RATE = {"police": 0.88, "procuratorate": 0.96, "court": 0.92}
ACK_RATE = 0.97
REVIEW_FAIL_RATE = 0.06
WITHDRAW_RATE = {
    WithdrawalStage.BEFORE_PROSECUTION: 0.03,
    WithdrawalStage.AT_TRIAL: 0.03,
    WithdrawalStage.AFTER_NON_PROSECUTION: 0.05,
}
MINORITY_LANGUAGE = {
    "维吾尔族": "维吾尔语",
    "藏族": "藏语",
    "彝族": "彝语",
    "蒙古族": "蒙古语",
    "哈萨克族": "哈萨克语",
}
R = WithdrawalReason
REASON_WEIGHTS = {
    WithdrawalStage.BEFORE_PROSECUTION: {
        R.TOO_HEAVY: 30,
        R.REASONING_NOT_EXPLAINED: 15,
        R.STANDARD_UNCLEAR: 10,
        R.RIGHTS_NOT_EXPLAINED: 8,
        R.CHANGED_MIND: 12,
        R.PRESSURE: 10,
        R.MISUNDERSTOOD: 8,
        R.NO_EFFECTIVE_HELP: 7,
    },
    WithdrawalStage.AT_TRIAL: {
        R.TOO_HEAVY: 20,
        R.MISUNDERSTOOD: 15,
        R.CHANGED_MIND: 15,
        R.PRESSURE: 10,
        R.NO_EFFECTIVE_HELP: 12,
        R.REASONING_NOT_EXPLAINED: 10,
        R.RIGHTS_NOT_EXPLAINED: 8,
        R.OTHER: 10,
    },
    WithdrawalStage.AFTER_JUDGMENT: {
        R.TECHNICAL_APPEAL: 35,
        R.LIGHTER_SENTENCE: 30,
        R.TOO_HEAVY: 20,
        R.MISUNDERSTOOD: 5,
        R.NO_EFFECTIVE_HELP: 5,
        R.OTHER: 5,
    },
    WithdrawalStage.AFTER_NON_PROSECUTION: {R.CHANGED_MIND: 40, R.MISUNDERSTOOD: 30, R.OTHER: 30},
}
OTHER_TEXT = ["称作案时不在现场", "对涉案金额认定有异议", "称被害人存在过错", "希望先行赔偿后再认罪"]
FAILURES = {
    "no_coercion": "被告人当庭称侦查阶段曾被告知“不认罪就从重”",
    "understands": "被告人对缓刑考验期的含义理解有误",
    "opinions_on_file": "听取意见笔录未随案移送",
    "lawyer_helped": "值班律师仅在签署时到场，未事先会见",
}
RESOLUTIONS = {
    "no_coercion": "调看同步录音录像，未见威胁、引诱；被告人当庭确认自愿认罪",
    "understands": "当庭释明后，被告人表示理解并坚持认罪认罚",
    "opinions_on_file": "检察院已补充移送听取意见笔录",
    "lawyer_helped": "值班律师补充会见并当庭发表意见，被告人确认获得帮助",
}


def _handwriting_png(rng: random.Random, width: int = 240, height: int = 80) -> bytes:
    """A PNG of a random pen stroke on white, standing in for a defendant's handwriting on the tablet."""
    ink = set()
    x, y = 20.0, height / 2
    while x < width - 20:
        x += rng.uniform(0.5, 2.0)
        y = min(height - 10, max(10, y + rng.uniform(-3, 3)))
        for dx in (0, 1):
            for dy in (0, 1):
                ink.add((int(x) + dx, int(y) + dy))
    rows = b"".join(
        b"\x00" + b"".join(b"\x10\x10\x10" if (i, j) in ink else b"\xff\xff\xff" for i in range(width))
        for j in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def build(*, seed: int, today, stdout) -> str | None:
    defendants = list(
        Defendant.objects.filter(case__region__parent__parent__code=PROVINCE_CODE)
        .select_related("case", "case__procuratorate", "case__court", "case__prosecutor")
        .order_by("pk")
    )
    if (
        not defendants
        or RightsNotice.objects.filter(defendant__case__region__parent__parent__code=PROVINCE_CODE).exists()
    ):
        return None
    rng = random.Random(seed * 31 + 5)
    plan = _Plan(defendants, rng, today)
    with transaction.atomic():
        plan.notices()
        plan.agreements()
        plan.reviews()
        plan.withdrawals()
        record_many(event for _, _, event in sorted(plan.events, key=lambda item: (item[0], item[1])))
    by_stage = ", ".join(f"{WithdrawalStage(k).label} {n}" for k, n in sorted(plan.withdrawn.items()))
    return (
        f"plea: {plan.counts['notices']} rights notices, {plan.counts['agreements']} signed agreements "
        f"({plan.counts['pdfs']} rendered), {plan.counts['reviews']} voluntariness reviews, {sum(plan.withdrawn.values())} withdrawals "
        f"({by_stage or 'none'})"
    )


def _pleaded(d: Defendant) -> bool:
    """The case's facts (demo/facts_text.py) say this person pleaded and signed during the review."""
    return f"{d.name}在审查起诉阶段自愿认罪认罚" in (d.case.facts or "")


def _at(day: date, rng: random.Random, start: int = 9, end: int = 17) -> datetime:
    minutes = rng.randint(start * 60, end * 60 - 1)
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59))))


def first_trial_history(rows) -> tuple[dict[int, dict[str, date]], dict[int, int]]:
    """From (action, actor id, data, occurred_at) rows of `defendant.stage.changed` and `defendant.procedure.set`
    events, in any order: the day each defendant first reached each stage, and the id of the judge of its first
    trial, who set its procedure first. A case sent back (发回重审, CPL art. 239) reaches 一审 again and may have
    its procedure set again by the judge who retries it; the court's rights notice and the voluntariness review
    are dated to the first trial, so they are credited to the judge who held it."""
    reached: dict[int, dict[str, date]] = defaultdict(dict)
    first_set: dict[int, tuple[datetime, int]] = {}
    for action, actor_id, data, occurred_at in rows:
        pk = data.get("defendant")
        if action == "defendant.procedure.set":
            if pk not in first_set or occurred_at < first_set[pk][0]:
                first_set[pk] = (occurred_at, actor_id)
            continue
        on = date.fromisoformat(str(data.get("as_of"))[:10]) if data.get("as_of") else occurred_at.date()
        stage = data.get("to")
        if stage not in reached[pk] or on < reached[pk][stage]:
            reached[pk][stage] = on
    return reached, {pk: actor_id for pk, (_, actor_id) in first_set.items()}


class _Plan:
    def __init__(self, defendants, rng, today):
        self.defendants, self.rng, self.today = defendants, rng, today
        self.cutoff = timezone.make_aware(datetime.combine(today, time(0, 0)))
        self.events: list[tuple[datetime, int, PendingEvent]] = []
        self.counts = defaultdict(int)
        self.withdrawn: dict[str, int] = defaultdict(int)
        self.reached, self.judges = self._history()
        self.agreements_by_defendant: dict[int, PleaAgreement] = {}
        self.finals = self._final_recommendations()

    def _history(self):
        """When each defendant first reached each stage, and the judge of its first trial, from the demo's
        events (`first_trial_history`)."""
        case_ids = {d.case_id for d in self.defendants}
        rows = AuditEvent.objects.filter(
            action__in=["defendant.stage.changed", "defendant.procedure.set"], case_id__in=case_ids
        ).values_list("action", "actor_id", "data", "occurred_at")
        reached, judges = first_trial_history(rows.iterator(chunk_size=5000))
        users = User.objects.in_bulk(set(judges.values()))
        return reached, {pk: users.get(uid) for pk, uid in judges.items()}

    def _final_recommendations(self):
        rows = SentencingRecommendation.objects.filter(defendant__in=self.defendants, status="final")
        return {rec.defendant_id: rec for rec in rows}

    def add(self, when: datetime, action: str, obj, defendant, actor, data: dict) -> None:
        event = PendingEvent(
            action,
            obj._meta.label_lower,
            str(obj.pk),
            actor,
            defendant.case_id,
            {"defendant": defendant.pk, **data},
            when,
        )
        self.events.append((when, len(self.events), event))

    def _before_cutoff(self, when: datetime) -> datetime:
        return min(when, self.cutoff - timedelta(hours=1))

    # --- notices ------------------------------------------------------------------------------------------
    def notices(self):
        rows = []
        for d in self.defendants:
            reached = self.reached.get(d.pk, {})
            moments = [("police", Stage.INVESTIGATION, d.case.received_on, d.case.prosecutor)]
            if Stage.PROSECUTION_REVIEW in reached:
                moments.append(
                    (
                        "procuratorate",
                        Stage.PROSECUTION_REVIEW,
                        reached[Stage.PROSECUTION_REVIEW],
                        d.case.prosecutor,
                    )
                )
            if Stage.FIRST_INSTANCE in reached and self.judges.get(d.pk):
                moments.append(
                    ("court", Stage.FIRST_INSTANCE, reached[Stage.FIRST_INSTANCE], self.judges[d.pk])
                )
            for authority, stage, day, actor in moments:
                if self.rng.random() > NOTICE_RATE[authority]:
                    continue
                when = self._before_cutoff(_at(day + timedelta(days=self.rng.randint(0, 2)), self.rng))
                language = "汉语普通话"
                interpreter = ""
                if d.ethnicity in MINORITY_LANGUAGE and self.rng.random() < 0.5:
                    language, interpreter = (
                        MINORITY_LANGUAGE[d.ethnicity],
                        "翻译人员" + "甲乙丙丁"[self.rng.randint(0, 3)],
                    )
                acknowledged = self.rng.random() < ACK_RATE
                name = "公安机关办案民警" if authority == "police" else str(actor)
                rows.append(
                    (
                        d,
                        actor,
                        RightsNotice(
                            defendant=d,
                            stage=stage,
                            authority=authority,
                            notified_by_name=name,
                            notified_at=when,
                            method=self.rng.choices(["both", "written", "oral"], [80, 15, 5])[0],
                            language=language,
                            interpreter=interpreter,
                            acknowledged=acknowledged,
                            acknowledgement="本人已阅读（听取）并理解上述权利和认罪认罚的法律规定。"
                            if acknowledged
                            else "",
                            notes="" if acknowledged else "拒绝在告知书上签字",
                            recorded_by=actor,
                            recorded_at=when,
                        ),
                    )
                )
        RightsNotice.objects.bulk_create([row for _, _, row in rows], batch_size=1000)
        for d, actor, n in rows:
            self.add(
                n.notified_at,
                "plea.notice.recorded",
                n,
                d,
                actor,
                {
                    "stage": n.stage,
                    "authority": n.authority,
                    "rights": ["right_procedural", "right_plea_rules", "right_duty_lawyer", "right_withdraw"],
                    "method": n.method,
                    "language": n.language,
                    "interpreter": bool(n.interpreter),
                    "acknowledged": n.acknowledged,
                },
            )
        self.counts["notices"] = len(rows)

    # --- agreements ---------------------------------------------------------------------------------------
    def _candidates(self) -> list[Defendant]:
        """Everyone who pleaded during review for prosecution (the case's facts say they signed a 具结书) and
        has a lawyer to witness it: those prosecuted, with the final recommendation they agreed to, and those
        not prosecuted; persona cases and recent ones first (they get a rendered PDF)."""
        personas = set(
            User.objects.filter(
                username__in=["prosecutor", "judge", "duty_lawyer", "defence_lawyer"]
            ).values_list("pk", flat=True)
        )
        lawyers = {}
        assignments = CounselAssignment.objects.filter(
            defendant_id__in=[d.pk for d in self.defendants], ended_at__isnull=True
        )
        for assignment in assignments.select_related("lawyer").order_by("assigned_at", "pk"):
            lawyers.setdefault(assignment.defendant_id, assignment.lawyer)
        self.lawyers = lawyers
        ranked = [
            d
            for d in self.defendants
            if d.pk in lawyers
            and Stage.PROSECUTION_REVIEW in self.reached.get(d.pk, {})
            and (d.pk in self.finals or (d.stage == Stage.NON_PROSECUTION and _pleaded(d)))
        ]

        def priority(d):
            persona = (
                d.case.prosecutor_id in personas
                or lawyers[d.pk].pk in personas
                or (self.judges.get(d.pk) and self.judges[d.pk].pk in personas)
            )
            return (not persona, -d.case.received_on.toordinal(), d.pk)

        return sorted(ranked, key=priority)

    def _generated_at(self, d, rec) -> datetime:
        """The 具结书 is printed soon after the recommendation is final (or, without one, during the review),
        and signed before the case leaves the procuratorate."""
        review_on = self.reached[d.pk][Stage.PROSECUTION_REVIEW]
        start = rec.finalised_at if rec is not None and rec.finalised_at else _at(review_on, self.rng)
        generated = _at(timezone.localtime(start).date() + timedelta(days=self.rng.randint(0, 2)), self.rng)
        left = self.reached[d.pk].get(Stage.FIRST_INSTANCE) or (
            d.stage_since if d.stage == Stage.NON_PROSECUTION else None
        )
        if left is not None:
            generated = min(generated, _at(left, self.rng, 8, 9) - timedelta(hours=2))
        return self._before_cutoff(max(generated, start + timedelta(hours=1)))

    def agreements(self):
        candidates = self._candidates()
        for d in candidates[:AGREEMENT_PDFS]:
            self._agreement_in_full(d)
        self._agreements_in_bulk(candidates[AGREEMENT_PDFS:])
        self.counts["agreements"] = len(self.agreements_by_defendant)
        self.counts["pdfs"] = min(len(candidates), AGREEMENT_PDFS)

    def _agreement_in_full(self, d):
        """A rendered PDF of its own, the defendant's own handwriting, the signing's own recording."""
        rec, lawyer = self.finals.get(d.pk), self.lawyers[d.pk]
        generated = self._generated_at(d, rec)
        procedure = d.procedure or Procedure.EXPEDITED
        rec_text = rec.term_text() if rec is not None else NON_PROSECUTION_TEXT
        pdf = render_pdf(
            PDF_TEMPLATE,
            document_context(
                d,
                recommendation_text=rec_text,
                procedure=procedure,
                lawyer_exception="",
                exception_note="",
                lawyer_name=str(lawyer),
                version=1,
                generated_at=generated,
            ),
        )
        stored = write_bytes(f"agreements/{d.case_id}/{d.pk}/v1-demo.pdf", pdf)
        prosecutor = d.case.prosecutor
        signed = [generated + timedelta(minutes=m) for m in (40, 45, 50)]
        agreement = PleaAgreement.objects.create(
            defendant=d,
            version=1,
            status=PleaAgreement.Status.SIGNED,
            recommendation_id=rec.pk if rec is not None else None,
            recommendation_text=rec_text,
            charges_text=charges_text(d)[:300],
            procedure=procedure,
            lawyer_name=str(lawyer),
            file_name=stored.name,
            sha256=stored.sha256,
            size=stored.size,
            generated_by=prosecutor,
            generated_at=generated,
            signed_at=signed[-1],
        )
        self._generated_event(agreement, d, rec, procedure)
        signing = self._signing_recording(d, agreement, prosecutor, generated)
        drawn = write_bytes(
            f"signatures/{d.case_id}/{d.pk}/a{agreement.pk}-defendant-demo.png", _handwriting_png(self.rng)
        )
        rows = signature_rows(
            agreement,
            defendant_name=d.name,
            lawyer=lawyer,
            prosecutor=prosecutor,
            times=signed,
            image=drawn,
            recording=signing,
            segment=(900, 1500),
        )
        Signature.objects.bulk_create(rows)
        for when, action, actor, data in signature_events(agreement, rows):
            self.add(when, action, agreement, d, actor, data)
        self.agreements_by_defendant[d.pk] = agreement

    def _agreements_in_bulk(self, defendants):
        """The same records for the other pleas, written at once: the 具结书 archive copy and the signing's
        is one stored file (the demo does not render a thousand PDFs), the handwriting one of a few drawings, the
        signing's recording a tenth of a second of tone; each agreement still has its own rows, hashes and events."""
        if not defendants:
            return
        document = write_bytes(
            "agreements/demo/archive-copy.pdf",
            render_pdf("study/placeholder_pdf.html", {"district": "示范省"}),
        )
        drawings = [
            write_bytes(f"signatures/demo/handwriting-{i}.png", _handwriting_png(self.rng)) for i in range(8)
        ]
        tone = wav_bytes(0.1)
        plans = []
        for d in defendants:
            rec = self.finals.get(d.pk)
            generated = self._generated_at(d, rec)
            agreement = PleaAgreement(
                defendant=d,
                version=1,
                status=PleaAgreement.Status.SIGNED,
                recommendation_id=rec.pk if rec is not None else None,
                recommendation_text=(rec.term_text() if rec is not None else NON_PROSECUTION_TEXT)[:300],
                charges_text=charges_text(d)[:300],
                procedure=d.procedure or Procedure.EXPEDITED,
                lawyer_name=str(self.lawyers[d.pk])[:50],
                file_name=document.name,
                sha256=document.sha256,
                size=document.size,
                generated_by=d.case.prosecutor,
                generated_at=generated,
                signed_at=generated + timedelta(minutes=50),
            )
            plans.append((d, rec, agreement))
        PleaAgreement.objects.bulk_create([a for _d, _r, a in plans], batch_size=1000)
        recordings = [
            Recording(
                defendant=d,
                session=Recording.Session.SIGNING,
                agreement=a,
                recorded_on=timezone.localtime(a.generated_at).date(),
                description="具结书签署全程录音录像（演示）",
                original_name="signing.wav",
                kind="wav",
                media_type="audio/wav",
                file_name=stored.name,
                size=stored.size,
                sha256=stored.sha256,
                uploaded_by=a.generated_by,
                uploaded_at=a.generated_at + timedelta(minutes=38),
            )
            for d, a, stored in (
                (d, a, write_bytes(f"recordings/{d.case_id}/{d.pk}/signing-demo-v1.wav", tone))
                for d, _r, a in plans
            )
        ]
        Recording.objects.bulk_create(recordings, batch_size=1000)
        signatures = []
        for (d, rec, agreement), recording in zip(plans, recordings, strict=True):
            self._generated_event(agreement, d, rec, agreement.procedure)
            self.add(
                recording.uploaded_at,
                "recordings.recording.added",
                recording,
                d,
                recording.uploaded_by,
                {
                    "session": "signing",
                    "sha256": recording.sha256,
                    "size": recording.size,
                    "kind": "wav",
                    "name": "signing.wav",
                },
            )
            rows = signature_rows(
                agreement,
                defendant_name=d.name,
                lawyer=self.lawyers[d.pk],
                prosecutor=d.case.prosecutor,
                times=[agreement.generated_at + timedelta(minutes=m) for m in (40, 45, 50)],
                image=self.rng.choice(drawings),
                recording=recording,
                segment=(900, 1500),
            )
            signatures.append((d, agreement, rows))
            self.agreements_by_defendant[d.pk] = agreement
        Signature.objects.bulk_create([s for _d, _a, rows in signatures for s in rows], batch_size=1000)
        for d, agreement, rows in signatures:
            for when, action, actor, data in signature_events(agreement, rows):
                self.add(when, action, agreement, d, actor, data)

    def _generated_event(self, agreement, d, rec, procedure):
        self.add(
            agreement.generated_at,
            "plea.agreement.generated",
            agreement,
            d,
            agreement.generated_by,
            {
                "version": 1,
                "sha256": agreement.sha256,
                "recommendation": rec.pk if rec is not None else None,
                "procedure": procedure,
                "lawyer_exception": "",
            },
        )

    def _signing_recording(self, d, agreement, prosecutor, generated):
        """The signing session's recording (a short tone standing in for the video), uploaded before the
        signatures are entered, with its upload event as `recordings verify` expects."""
        stored = write_bytes(
            f"recordings/{d.case_id}/{d.pk}/signing-demo-a{agreement.pk}.wav", wav_bytes(0.3)
        )
        uploaded = generated + timedelta(minutes=38)
        recording = Recording.objects.create(
            defendant=d,
            session=Recording.Session.SIGNING,
            agreement=agreement,
            recorded_on=timezone.localtime(generated).date(),
            description="具结书签署全程录音录像（演示）",
            original_name="signing.wav",
            kind="wav",
            media_type="audio/wav",
            file_name=stored.name,
            size=stored.size,
            sha256=stored.sha256,
            uploaded_by=prosecutor,
            uploaded_at=uploaded,
        )
        self.add(
            uploaded,
            "recordings.recording.added",
            recording,
            d,
            prosecutor,
            {
                "session": "signing",
                "sha256": stored.sha256,
                "size": stored.size,
                "kind": "wav",
                "name": "signing.wav",
            },
        )
        return recording

    # --- voluntariness reviews ----------------------------------------------------------------------------
    def reviews(self):
        for pk, agreement in self.agreements_by_defendant.items():
            d = agreement.defendant
            judge = self.judges.get(pk)
            on = self.reached.get(pk, {}).get(Stage.FIRST_INSTANCE)
            if judge is None or on is None:
                continue
            when = self._before_cutoff(
                max(
                    _at(on + timedelta(days=self.rng.randint(1, 6)), self.rng),
                    agreement.signed_at + timedelta(hours=1),
                )
            )
            failed = self.rng.choice(list(FAILURES)) if self.rng.random() < REVIEW_FAIL_RATE * 3 else None
            review = VoluntarinessReview.objects.create(
                defendant=d,
                agreement=agreement,
                judge=judge,
                reviewed_at=when,
                conclusion="被告人认罪认罚系自愿，具结书内容真实、合法。",
            )
            items = []
            for item in CHECKLIST:
                answer = (
                    ReviewItem.Answer.NO
                    if item.key == failed
                    else (
                        ReviewItem.Answer.NOT_APPLICABLE
                        if item.allows_na and self.rng.random() < 0.6
                        else ReviewItem.Answer.YES
                    )
                )
                items.append(
                    ReviewItem(
                        review=review,
                        key=item.key,
                        answer=answer,
                        note=FAILURES[item.key] if item.key == failed else "",
                    )
                )
            ReviewItem.objects.bulk_create(items)
            self.add(
                when,
                "plea.review.recorded",
                review,
                d,
                judge,
                {"agreement": agreement.pk, "passed": failed is None, "failed": [failed] if failed else []},
            )
            # A failure is resolved a few days later, unless the defendant is still at trial and it is recent.
            if failed and not (d.stage == Stage.FIRST_INSTANCE and self.rng.random() < 0.5):
                resolved = self._before_cutoff(when + timedelta(days=self.rng.randint(1, 3)))
                ReviewItem.objects.filter(review=review, key=failed).update(
                    resolved_at=resolved, resolved_by=judge, resolution=RESOLUTIONS[failed]
                )
                self.add(
                    resolved,
                    "plea.review.item.resolved",
                    review,
                    d,
                    judge,
                    {"item": failed, "resolution": RESOLUTIONS[failed]},
                )
            self.counts["reviews"] += 1

    # --- withdrawals --------------------------------------------------------------------------------------
    def withdrawals(self):
        """A few percent at each stage; every stage gets at least one where it has candidates, and a defendant
        with a signed agreement goes first so that the demo shows an agreement lapsing."""
        candidates: dict[str, list] = defaultdict(list)
        for d in self.defendants:
            reached = self.reached.get(d.pk, {})
            if Stage.APPEAL in reached:
                candidates[WithdrawalStage.AFTER_JUDGMENT].append((d, reached[Stage.APPEAL]))
            elif d.stage == Stage.FIRST_INSTANCE:
                candidates[WithdrawalStage.AT_TRIAL].append(
                    (d, d.stage_since + timedelta(days=self.rng.randint(1, 5)))
                )
            elif d.stage == Stage.PROSECUTION_REVIEW:
                candidates[WithdrawalStage.BEFORE_PROSECUTION].append(
                    (d, d.stage_since + timedelta(days=self.rng.randint(2, 8)))
                )
            elif d.stage == Stage.NON_PROSECUTION:
                candidates[WithdrawalStage.AFTER_NON_PROSECUTION].append(
                    (d, d.stage_since + timedelta(days=self.rng.randint(3, 20)))
                )
        for stage in WithdrawalStage:
            pool = [(d, on) for d, on in candidates.get(stage, []) if on < self.today]
            if not pool:
                continue
            if stage == WithdrawalStage.AFTER_JUDGMENT:
                order, k = pool, len(pool)  # an appeal after a plea is itself the withdrawal
            else:
                # A few percent; the first with a signed agreement signed long enough ago to lapse before today,
                # then the others at random; one too recent to fall before today gives way to the next.
                k = max(1, round(WITHDRAW_RATE[stage] * len(pool)))
                settled = self.cutoff - timedelta(days=3)
                first = [
                    p
                    for p in pool
                    if p[0].pk in self.agreements_by_defendant
                    and self.agreements_by_defendant[p[0].pk].signed_at < settled
                ][:1]
                rest = [p for p in pool if p not in first]
                order = first + self.rng.sample(rest, len(rest))
            made = 0
            for d, on in order:
                if made == k:
                    break
                when = _at(on, self.rng)
                agreement = self.agreements_by_defendant.get(d.pk)
                if agreement is not None:
                    latest = max([agreement.signed_at, *[r.reviewed_at for r in agreement.reviews.all()]])
                    when = max(when, latest + timedelta(hours=self.rng.randint(2, 48)))
                if when >= self.cutoff:
                    continue
                self._withdraw(d, stage, when)
                made += 1

    def _withdraw(self, d, stage, when):
        rng = self.rng
        weights = REASON_WEIGHTS[stage]
        reasons = list(
            dict.fromkeys(rng.choices(list(weights), list(weights.values()), k=rng.choice([1, 1, 2])))
        )
        other = rng.choice(OTHER_TEXT) if R.OTHER in reasons else ""
        judge = self.judges.get(d.pk)
        actor = judge if stage == WithdrawalStage.AT_TRIAL and judge else d.case.prosecutor
        agreement = self.agreements_by_defendant.get(d.pk)
        consequences = list(DEFAULT_CONSEQUENCES[stage])
        if agreement is None:
            consequences.remove(Consequence.AGREEMENT_LAPSED)
        protest = (
            stage == WithdrawalStage.AFTER_JUDGMENT
            and set(reasons) <= {R.TECHNICAL_APPEAL, R.LIGHTER_SENTENCE}
            and rng.random() < 0.3
        )
        if protest:
            consequences.append(Consequence.PROTEST)
        procedure_to = ""
        if stage == WithdrawalStage.AT_TRIAL and d.procedure in (Procedure.EXPEDITED, Procedure.SUMMARY):
            procedure_to = Procedure.ORDINARY
            consequences.append(Consequence.PROCEDURE_SWITCHED)
        rec = self.finals.get(d.pk)
        lapsed_rec = None
        if Consequence.RECOMMENDATION_WITHDRAWN in consequences:
            if rec is not None:
                lapsed_rec = do_mark_lapsed(
                    d,
                    acting_user=actor,
                    now=when,
                    reason=(f"犯罪嫌疑人/被告人反悔（{WithdrawalStage(stage).label}），撤回从宽量刑建议"),
                )
            if lapsed_rec is None:
                consequences.remove(Consequence.RECOMMENDATION_WITHDRAWN)
        decision = rng.choice(["keep", "revoke"]) if stage == WithdrawalStage.AFTER_NON_PROSECUTION else ""
        withdrawal = Withdrawal.objects.create(
            defendant=d,
            stage=stage,
            defendant_stage=d.stage if stage != WithdrawalStage.AFTER_JUDGMENT else Stage.JUDGMENT,
            initiated_by=rng.choices(["defendant", "lawyer", "family"], [85, 10, 5])[0],
            reasons=[str(r) for r in reasons],
            other_reason=other,
            statement="",
            consequences=[str(c) for c in consequences],
            procedure_to=procedure_to,
            protest_note="仅以量刑过重为由上诉，原判从宽已明显不当" if protest else "",
            non_prosecution_decision=decision,
            agreement=agreement,
            recommendation_id=lapsed_rec.pk if lapsed_rec else None,
            occurred_at=when,
            recorded_by=actor,
            recorded_at=when,
        )
        if agreement is not None:
            reason = f"{when:%Y-%m-%d} 反悔（{WithdrawalStage(stage).label}），具结书失效，原件与签名留存备查"
            PleaAgreement.objects.filter(pk=agreement.pk).update(
                status=PleaAgreement.Status.LAPSED, ended_at=when, end_reason=reason
            )
            agreement.signatures.update(status=Signature.Status.LAPSED, status_reason=reason)
            self.add(
                when,
                "plea.agreement.lapsed",
                agreement,
                d,
                actor,
                {"version": 1, "withdrawal": withdrawal.pk},
            )
        if procedure_to:
            Defendant.objects.filter(pk=d.pk).update(procedure=procedure_to)
            self.add(when, "defendant.procedure.set", d, d, actor, {"from": d.procedure, "to": procedure_to})
        self.add(
            when,
            "plea.withdrawn",
            withdrawal,
            d,
            actor,
            {
                "stage": stage,
                "initiated_by": withdrawal.initiated_by,
                "reasons": withdrawal.reasons,
                "consequences": withdrawal.consequences,
                "agreement": agreement.pk if agreement else None,
                "recommendation": withdrawal.recommendation_id,
                "procedure_to": procedure_to,
                "procedure_applied": bool(procedure_to),
                "protest": protest,
                "non_prosecution_decision": decision,
            },
        )
        self.withdrawn[stage] += 1
