"""What the platform holds behind each question of the court's checklist (issue 17): the rights notice, the
recordings, the lawyer's meetings and written opinion, the 具结书 and its signatures. The review form shows it
beside each question, so that "符合" answers something; a "符合" whose evidence is missing needs a note
(`voluntariness.do_record_review`). Apps above plea (recordings, counsel) are read through their relations to
the defendant, never imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import RightsNotice, Signature
from .state import current_agreement, document_matches, final_recommendation, valid_signatures

# The participation log's services that mean the lawyer spoke with the defendant (counsel.models.CONTACT).
CONTACT_SERVICES = ("meeting", "consultation")
OPINION_SERVICES = ("opinion_charge", "opinion_recommendation", "opinion_procedure")

KIND_LABELS = {
    "notice": gettext_lazy("权利告知书"),
    "recording": gettext_lazy("录音录像"),
    "signing": gettext_lazy("签署录音录像（或无录像的原因）"),
    "meetings": gettext_lazy("律师会见记录"),
    "opinion": gettext_lazy("律师书面意见"),
    "agreement": gettext_lazy("具结书及签名"),
}


@dataclass(frozen=True)
class Evidence:
    kind: str
    label: str
    url: str = ""
    warn: bool = False  # present, but says something the judge should weigh (no recording, hash mismatch)


def _when(value) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""


def _notices(defendant) -> list[Evidence]:
    return [
        Evidence(
            "notice",
            _("%(when)s %(method)s · %(ack)s")
            % {
                "when": _when(n.notified_at),
                "method": n.get_method_display(),
                "ack": _("已确认知悉") if n.acknowledged else _("未确认知悉"),
            },
            reverse("plea_notice", args=[n.pk]),
            warn=not n.acknowledged,
        )
        for n in RightsNotice.objects.filter(defendant=defendant).order_by("notified_at", "id")
    ]


def _recordings(defendant, sessions=None) -> list[Evidence]:
    recordings = defendant.recordings.order_by("recorded_on", "id")
    if sessions:
        recordings = recordings.filter(session__in=sessions)
    return [
        Evidence(
            "recording",
            f"{r.get_session_display()} {r.recorded_on:%Y-%m-%d}",
            reverse("recording_detail", args=[r.pk]),
        )
        for r in recordings
    ]


def _signing(defendant, agreement) -> list[Evidence]:
    """The recording of the signing: each signature's segment, or its recorded reason for having none; failing
    those, signing recordings of this defendant (attached to this agreement or to none)."""
    found: list[Evidence] = []
    if agreement is not None:
        for signature in agreement.signatures.filter(status=Signature.Status.VALID).order_by(
            "signed_at", "id"
        ):
            recording_id = getattr(signature, "recording_id", None)
            reason = getattr(signature, "no_recording_reason", "")
            if recording_id:
                found.append(
                    Evidence(
                        "signing",
                        _("%(role)s签名：签署录像第%(start)s–%(end)s秒")
                        % {
                            "role": signature.get_role_display(),
                            "start": signature.recording_start_s,
                            "end": signature.recording_end_s,
                        },
                        reverse("recording_detail", args=[recording_id]),
                    )
                )
            elif reason:
                found.append(
                    Evidence(
                        "signing",
                        _("%(role)s签名无录像，原因：%(reason)s")
                        % {"role": signature.get_role_display(), "reason": reason},
                        warn=True,
                    )
                )
    if not any(e.url for e in found):
        recordings = defendant.recordings.filter(session="signing")
        if agreement is not None:
            recordings = recordings.filter(Q(agreement=agreement) | Q(agreement__isnull=True))
        found += [
            Evidence(
                "signing",
                f"{r.get_session_display()} {r.recorded_on:%Y-%m-%d}",
                reverse("recording_detail", args=[r.pk]),
            )
            for r in recordings.order_by("recorded_on", "id")
        ]
    return found


def _meetings(defendant) -> list[Evidence]:
    rows = []
    for assignment in defendant.counsel_assignments.select_related("lawyer").order_by("id"):
        for entry in assignment.participation.filter(service__in=CONTACT_SERVICES).order_by(
            "occurred_at", "id"
        ):
            rows.append(
                Evidence(
                    "meetings",
                    _("%(when)s %(service)s %(minutes)s分钟 · %(lawyer)s")
                    % {
                        "when": _when(entry.occurred_at),
                        "service": entry.get_service_display(),
                        "minutes": entry.minutes,
                        "lawyer": assignment.lawyer,
                    },
                )
            )
    return rows


def _opinions(defendant) -> list[Evidence]:
    rows = []
    final = final_recommendation(defendant)
    opinions = getattr(final, "opinions", None)
    if opinions is not None:
        for opinion in opinions.order_by("created_at", "id"):
            rows.append(
                Evidence(
                    "opinion",
                    _("%(when)s 对量刑建议：%(position)s%(reasons)s")
                    % {
                        "when": _when(opinion.created_at),
                        "position": opinion.get_position_display(),
                        "reasons": f"（{opinion.reasons}）" if opinion.reasons else "",
                    },
                    reverse("recommendations:defendant", args=[defendant.pk]),
                )
            )
    for assignment in defendant.counsel_assignments.order_by("id"):
        for entry in assignment.participation.filter(service__in=OPINION_SERVICES).order_by(
            "occurred_at", "id"
        ):
            rows.append(Evidence("opinion", f"{_when(entry.occurred_at)} {entry.get_service_display()}"))
    return rows


def _agreement(agreement) -> list[Evidence]:
    if agreement is None:
        return []
    signed = valid_signatures(agreement)
    matches = document_matches(agreement)
    label = _("第%(v)s版 · %(status)s · 已签名：%(roles)s%(hash)s") % {
        "v": agreement.version,
        "status": agreement.get_status_display(),
        "roles": "、".join(str(s.get_role_display()) for s in signed.values()) or _("无"),
        "hash": "" if matches else _("（存档文件与哈希不一致）"),
    }
    return [Evidence("agreement", label, reverse("plea_agreement", args=[agreement.pk]), warn=not matches)]


def evidence_by_kind(defendant) -> dict[str, list[Evidence]]:
    agreement = current_agreement(defendant)
    return {
        "notice": _notices(defendant),
        "recording": _recordings(defendant),
        "signing": _signing(defendant, agreement),
        "meetings": _meetings(defendant),
        "opinion": _opinions(defendant),
        "agreement": _agreement(agreement),
    }


@dataclass
class ItemEvidence:
    found: list[Evidence]
    missing: list[str]  # labels of the kinds of evidence the item asks for and the platform lacks


def checklist_evidence(defendant, checklist) -> dict[str, ItemEvidence]:
    """Each checklist item's evidence and what of it is missing."""
    kinds = evidence_by_kind(defendant)
    return {
        item.key: ItemEvidence(
            found=[e for kind in item.evidence for e in kinds[kind]],
            missing=[str(KIND_LABELS[kind]) for kind in item.evidence if not kinds[kind]],
        )
        for item in checklist
    }


def signing_unrecorded(defendant) -> bool:
    """The current agreement's signing has neither a recording nor a recorded reason for its absence."""
    agreement = current_agreement(defendant)
    return agreement is not None and not _signing(defendant, agreement)
