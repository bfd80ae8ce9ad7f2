"""A defendant's plea story in order: notices, agreements and signatures, recordings, reviews, withdrawals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from leniency.cached_reverse import cached_reverse
from leniency.cases.case_page import grouped_query
from leniency.cases.compiled_prefetch import compiled_prefetch
from leniency.choice_labels import display

from . import state
from .models import PleaAgreement, ReviewItem, RightsNotice, Signature, VoluntarinessReview, Withdrawal
from .state import missing_roles


@dataclass(frozen=True)
class Entry:
    when: datetime
    kind: str  # notice, agreement, signature, recording, review, withdrawal, lapsed
    title: str
    detail: str
    url: str
    warn: bool = False
    date_only: bool = False  # a recording's date says nothing of the hour: show the day alone


# Same moment: the step's natural order (a withdrawal before the lapse it causes, a recording after its signing).
KIND_ORDER = {
    kind: n
    for n, kind in enumerate(
        ("notice", "agreement", "signature", "recording", "review", "withdrawal", "lapsed")
    )
}


def _recording_moment(recording, records: Records) -> datetime:
    """Where a recording sits in the story: right after the step it records (the notice; the agreement's
    signing, else its generation), otherwise when it was uploaded. Its date alone would put it at a made-up
    hour, after a withdrawal that followed it."""
    for notice in records.notices:
        if notice.pk == recording.notice_id:
            return notice.notified_at
    for agreement in records.agreements:
        if agreement.pk == recording.agreement_id:
            signed = [s.signed_at for s in agreement.signatures.all()]
            return max(signed) if signed else agreement.generated_at
    return recording.uploaded_at


@dataclass
class Records:
    """A defendant's plea records, each list in its model's order; `load_records` fills them for many at once."""

    notices: list = field(default_factory=list)
    # With their signatures prefetched, unordered: story sorts them, the others pick them by role.
    agreements: list = field(default_factory=list)
    recordings: list = field(default_factory=list)
    reviews: list = field(default_factory=list)  # with their open failures counted (open_failure_count)
    withdrawals: list = field(default_factory=list)


# The items of a review not answered 符合 and not since resolved (VoluntarinessReview.open_failures), counted.
OPEN_FAILURES = Count("items", filter=Q(items__answer=ReviewItem.Answer.NO, items__resolved_at__isnull=True))


def open_failure_count(review) -> int:
    """How many of `review`'s items are open failures: counted by `load_records`, else from its items."""
    counted = getattr(review, "open_failure_count", None)
    return counted if counted is not None else len(review.open_failures())


def load_records(defendant_ids) -> dict[int, Records]:
    """The records of several defendants with six queries in all (the case page shows them together)."""
    records = {pk: Records() for pk in defendant_ids}
    for name, rows in _SOURCES.items():
        for row in rows(list(records)):
            getattr(records[row.defendant_id], name).append(row)
    return records


def _of_defendants(queryset: Callable) -> grouped_query:
    """`queryset()`'s rows of some defendants, in each model's order within a defendant (an agreement, a review)
    without the joins of its order by the defendant's case, sorted in Python where its fields allow."""
    return grouped_query(lambda pks: queryset().filter(defendant_id__in=pks))


_AGREEMENTS = _of_defendants(PleaAgreement.objects.all)
# Signatures unordered: who reads them picks by role or sorts them (story); an ORDER BY signed_at, id was about a
# third of the query's cost in Python (issue 21). Prefetched by a query compiled once, as is the agreements' own.
_SIGNATURES = compiled_prefetch(PleaAgreement, Prefetch("signatures", Signature.objects.order_by()))


def _agreements_with_signatures(pks) -> list:
    agreements = _AGREEMENTS(pks)
    _SIGNATURES(agreements)
    return agreements


_SOURCES: dict[str, Callable[[list], list]] = {
    "notices": _of_defendants(RightsNotice.objects.all),
    "agreements": _agreements_with_signatures,
    # A review's open failures counted in the same query, instead of a second one for its items.
    "reviews": _of_defendants(lambda: VoluntarinessReview.objects.annotate(open_failure_count=OPEN_FAILURES)),
    "withdrawals": _of_defendants(Withdrawal.objects.all),
}


def register_records(name: str, queryset: Callable) -> None:
    """Let an app above plea add its rows to `Records.<name>` (and so to the plea story): the recordings app's
    recordings of the notice and the signing, registered in its AppConfig.ready."""
    _SOURCES[name] = _of_defendants(queryset)


def _records(defendant, records: Records | None) -> Records:
    return records if records is not None else load_records([defendant.pk])[defendant.pk]


def story(defendant, records: Records | None = None) -> list[Entry]:
    records = _records(defendant, records)
    entries: list[Entry] = []
    for n in records.notices:
        entries.append(
            Entry(
                n.notified_at,
                "notice",
                _("权利告知（%(who)s）") % {"who": display(n, "authority")},
                (_("已确认知悉") if n.acknowledged else _("未确认知悉"))
                + f" · {display(n, 'method')}"
                + (f" · {n.language}" if n.language != "汉语普通话" else ""),
                cached_reverse("plea_notice", n.pk),
                warn=not n.acknowledged,
            )
        )
    for a in records.agreements:
        url = cached_reverse("plea_agreement", a.pk)
        entries.append(
            Entry(
                a.generated_at,
                "agreement",
                _("生成具结书（第%(v)s版）") % {"v": a.version},
                a.recommendation_text,
                url,
            )
        )
        for s in sorted(a.signatures.all(), key=attrgetter("signed_at", "pk")):  # the model's order
            entries.append(
                Entry(
                    s.signed_at,
                    "signature",
                    _("%(role)s签名") % {"role": display(s, "role")},
                    s.signer_name
                    + ("" if s.status == Signature.Status.VALID else f" · {display(s, 'status')}"),
                    url,
                    warn=s.status != Signature.Status.VALID,
                )
            )
        if a.ended_at:
            entries.append(
                Entry(
                    a.ended_at,
                    "lapsed",
                    _("具结书（第%(v)s版）%(status)s") % {"v": a.version, "status": display(a, "status")},
                    a.end_reason,
                    url,
                    warn=True,
                )
            )
    for r in records.recordings:
        entries.append(
            Entry(
                _recording_moment(r, records),
                "recording",
                _("录音录像：%(s)s（%(day)s录制）") % {"s": display(r, "session"), "day": r.recorded_on},
                r.description or r.original_name,
                cached_reverse("recording_detail", r.pk),
                date_only=True,
            )
        )
    for review in records.reviews:
        failures = open_failure_count(review)
        entries.append(
            Entry(
                review.reviewed_at,
                "review",
                _("法院自愿性审查"),
                _("通过") if not failures else _("%(n)s 项不符合，未解决") % {"n": failures},
                cached_reverse("plea_review", review.pk),
                warn=bool(failures),
            )
        )
    for w in records.withdrawals:
        entries.append(
            Entry(
                w.occurred_at,
                "withdrawal",
                _("反悔：%(stage)s") % {"stage": display(w, "stage")},
                "、".join(w.reason_labels()),
                cached_reverse("plea_withdrawal", w.pk),
                warn=True,
            )
        )
    entries.sort(key=lambda e: (e.when, KIND_ORDER[e.kind]))
    return entries


def status_line(defendant, records: Records | None = None, rounds: list | None = None) -> tuple[str, bool]:
    """One phrase for where the plea stands, and whether it needs attention. `rounds`: the defendant's
    recommendation rounds when the caller has loaded them (the case page)."""
    records = _records(defendant, records)
    withdrawal = state.withdrawal_in_force_among(records.withdrawals, records.agreements)
    if withdrawal is not None:
        return _("已反悔（%(stage)s）") % {"stage": display(withdrawal, "stage")}, True
    agreement = state.current_agreement_among(records.agreements)
    if agreement is not None:
        final = state.final_among(rounds) if rounds is not None else state.final_recommendation(defendant)
        if final is not None and agreement.recommendation_id and final.pk != agreement.recommendation_id:
            return _("量刑建议已变更，具结书第%(v)s版须重新生成") % {"v": agreement.version}, True
        missing = missing_roles(agreement)
        if missing:
            return _("具结书第%(v)s版待签署：缺%(roles)s") % {
                "v": agreement.version,
                "roles": "、".join(str(Signature.Role(r).label) for r in missing),
            }, True
        return _("具结书第%(v)s版已签署") % {"v": agreement.version}, False
    if records.notices:
        return _("已告知权利，尚无具结书"), False
    return _("尚未记录权利告知"), True
