"""Read-only questions about a defendant's plea: the current agreement, who still has to sign, whether the
stored document still matches its hash, the latest review, whether a withdrawal is in force. The final
recommendation (`final_recommendation`, `final_among`) is the recommendations app's, re-exported here so that
the plea's tests can stand one in."""

from __future__ import annotations

from leniency.documents.archive import hash_stored
from leniency.recommendations.services import final_among as final_among
from leniency.recommendations.services import final_recommendation as final_recommendation

from .models import PleaAgreement, Signature, VoluntarinessReview, Withdrawal

Role = Signature.Role


def current_agreement(defendant) -> PleaAgreement | None:
    return (
        PleaAgreement.objects.filter(
            defendant=defendant, status__in=[PleaAgreement.Status.AWAITING, PleaAgreement.Status.SIGNED]
        )
        .order_by("-version")
        .first()
    )


def current_agreement_among(agreements) -> PleaAgreement | None:
    """`current_agreement` over a defendant's agreements already loaded (the case page loads many at once)."""
    live = (PleaAgreement.Status.AWAITING, PleaAgreement.Status.SIGNED)
    return max((a for a in agreements if a.status in live), key=lambda a: a.version, default=None)


def latest_agreement(defendant) -> PleaAgreement | None:
    return PleaAgreement.objects.filter(defendant=defendant).order_by("-version").first()


def required_roles(agreement: PleaAgreement) -> list[str]:
    """CPL art. 174: defendant (with the lawyer present), lawyer and prosecutor. Where a statutory exception
    of art. 174 ¶2 is recorded, no signature of the defendant or the lawyer is needed (SPP Rules art. 272 ¶3)."""
    if agreement.lawyer_exception:
        return [Role.PROSECUTOR]
    return [Role.DEFENDANT, Role.LAWYER, Role.PROSECUTOR]


def valid_signatures(agreement: PleaAgreement) -> dict[str, Signature]:
    return {s.role: s for s in agreement.signatures.all() if s.status == Signature.Status.VALID}


def missing_roles(agreement: PleaAgreement) -> list[str]:
    signed = valid_signatures(agreement)
    return [role for role in required_roles(agreement) if role not in signed]


def document_matches(agreement: PleaAgreement) -> bool:
    return hash_stored(agreement.file_name) == agreement.sha256


def latest_review(defendant) -> VoluntarinessReview | None:
    return (
        VoluntarinessReview.objects.filter(defendant=defendant)
        .prefetch_related("items")
        .order_by("-reviewed_at", "-id")
        .first()
    )


def withdrawal_in_force(defendant) -> Withdrawal | None:
    """The latest withdrawal, unless a later agreement was signed by everyone (the defendant pleaded again)."""
    withdrawal = Withdrawal.objects.filter(defendant=defendant).order_by("-occurred_at", "-id").first()
    if withdrawal is None:
        return None
    renewed = PleaAgreement.objects.filter(
        defendant=defendant, status=PleaAgreement.Status.SIGNED, signed_at__gt=withdrawal.occurred_at
    ).exists()
    return None if renewed else withdrawal


def withdrawal_in_force_among(withdrawals, agreements) -> Withdrawal | None:
    """`withdrawal_in_force` over a defendant's withdrawals and agreements already loaded."""
    withdrawal = max(withdrawals, key=lambda w: (w.occurred_at, w.id), default=None)
    if withdrawal is None:
        return None
    renewed = any(
        a.status == PleaAgreement.Status.SIGNED and a.signed_at and a.signed_at > withdrawal.occurred_at
        for a in agreements
    )
    return None if renewed else withdrawal


def signed_agreement_rests_on(recommendation) -> bool:
    """Whether a 具结书 signed by everyone rests on `recommendation` (registered with the recommendations app,
    which then asks for a stated basis before a new round)."""
    return PleaAgreement.objects.filter(
        recommendation_id=recommendation.pk, status=PleaAgreement.Status.SIGNED
    ).exists()
