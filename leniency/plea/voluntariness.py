"""The court's voluntariness review: record the checklist answers, resolve failed items."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access
from .checklist import CHECKLIST, ITEMS_BY_KEY
from .evidence import checklist_evidence
from .models import ReviewItem, VoluntarinessReview
from .state import current_agreement

Answer = ReviewItem.Answer


def do_record_review(
    defendant,
    *,
    acting_user,
    answers: dict[str, tuple[str, str]],
    conclusion: str = "",
    now: datetime | None = None,
) -> VoluntarinessReview:
    """`answers` maps every checklist key to (answer, note); a "不符合" answer needs a note, and so does a "符合"
    whose evidence the platform lacks (`evidence.checklist_evidence`): the note says what the judge relied on."""
    access.check_record_review(acting_user, defendant)
    now = now or clock.now()
    agreement = current_agreement(defendant)
    for item in CHECKLIST:
        if item.key not in answers or answers[item.key][0] not in Answer.values:
            raise DomainError(_("请回答审查事项：%(item)s") % {"item": item.label}, field=item.key)
        answer, note = answers[item.key]
        if answer == Answer.NOT_APPLICABLE and not item.allows_na:
            raise DomainError(_("“%(item)s”不能选择不适用") % {"item": item.label}, field=item.key)
        if answer == Answer.NO and not note.strip():
            raise DomainError(_("“%(item)s”不符合的，须说明情况") % {"item": item.label}, field=item.key)
    if agreement is None and answers["agreement_on_file"][0] == Answer.YES:
        raise DomainError(
            _("平台上没有现行有效的具结书，“具结书已随案移送”不能选择符合"), field="agreement_on_file"
        )
    evidence = checklist_evidence(defendant, CHECKLIST)
    unsupported = [
        item.key for item in CHECKLIST if answers[item.key][0] == Answer.YES and evidence[item.key].missing
    ]
    for key in unsupported:
        if not answers[key][1].strip():
            raise DomainError(
                _("“%(item)s”选择符合，但平台上没有%(missing)s：须在说明中写明所依据的材料")
                % {"item": ITEMS_BY_KEY[key].label, "missing": "、".join(evidence[key].missing)},
                field=key,
            )
    with transaction.atomic():
        review = VoluntarinessReview.objects.create(
            defendant=defendant,
            agreement=agreement,
            judge=acting_user,
            reviewed_at=now,
            conclusion=conclusion,
        )
        ReviewItem.objects.bulk_create(
            ReviewItem(
                review=review, key=item.key, answer=answers[item.key][0], note=answers[item.key][1].strip()
            )
            for item in CHECKLIST
        )
        failed = [item.key for item in CHECKLIST if answers[item.key][0] == Answer.NO]
        record(
            "plea.review.recorded",
            actor=acting_user,
            obj=review,
            case_id=defendant.case_id,
            occurred_at=now,
            data={
                "defendant": defendant.pk,
                "agreement": agreement.pk if agreement else None,
                "passed": not failed,
                "failed": failed,
                "yes_without_evidence": unsupported,
            },
        )
    return review


def do_resolve_item(
    item: ReviewItem, *, acting_user, resolution: str, now: datetime | None = None
) -> ReviewItem:
    """A failed item stops blocking adoption once the judge records how it was resolved (e.g. the missing
    material was supplied, the defendant confirmed voluntariness in court)."""
    now = now or clock.now()
    defendant = item.review.defendant
    access.check_resolve_item(acting_user, defendant)
    if item.answer != Answer.NO:
        raise DomainError(_("只有不符合的事项需要解决"), field="item")
    if item.resolved_at is not None:
        raise DomainError(
            _("该事项已于 %(date)s 解决") % {"date": f"{item.resolved_at:%Y-%m-%d}"}, field="item"
        )
    if not resolution.strip():
        raise DomainError(_("请说明解决情况"), field="resolution")
    with transaction.atomic():
        item.resolved_at, item.resolved_by, item.resolution = now, acting_user, resolution.strip()
        item.save(update_fields=["resolved_at", "resolved_by", "resolution"])
        record(
            "plea.review.item.resolved",
            actor=acting_user,
            obj=item.review,
            case_id=defendant.case_id,
            occurred_at=now,
            data={"defendant": defendant.pk, "item": item.key, "resolution": item.resolution},
        )
    return item


def item_label(key: str) -> str:
    spec = ITEMS_BY_KEY.get(key)
    return str(spec.label) if spec else key
