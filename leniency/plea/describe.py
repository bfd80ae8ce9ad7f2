"""How the plea app's audit events read on a case timeline."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.choice_labels import member_label

from .checklist import ITEMS_BY_KEY
from .models import RightsNotice, Signature, clock
from .taxonomy import Consequence, WithdrawalReason, WithdrawalStage

LABELS = {
    "plea.notice.recorded": gettext_lazy("权利告知"),
    "plea.agreement.generated": gettext_lazy("生成具结书"),
    "plea.agreement.signed": gettext_lazy("具结书签名"),
    "plea.signature.image.accessed": gettext_lazy("调阅签名图像或扫描件"),
    "plea.agreement.completed": gettext_lazy("具结书签署完成"),
    "plea.agreement.superseded": gettext_lazy("具结书被新版本取代"),
    "plea.agreement.lapsed": gettext_lazy("具结书失效"),
    "plea.review.recorded": gettext_lazy("自愿性审查"),
    "plea.review.item.resolved": gettext_lazy("审查问题已解决"),
    "plea.withdrawn": gettext_lazy("认罪认罚反悔"),
}


def _label(choices, value) -> str:
    return member_label(choices, value, default=str(value or ""))


def _notice(data):
    text = _label(RightsNotice.Authority, data.get("authority"))
    return text + (_("，已确认知悉") if data.get("acknowledged") else _("，未确认知悉"))


def _generated(data):
    return _("第%(v)s版，SHA-256 %(h)s…") % {"v": data.get("version"), "h": str(data.get("sha256", ""))[:12]}


def _signed(data):
    text = _("第%(v)s版 · %(role)s") % {
        "v": data.get("version"),
        "role": _label(Signature.Role, data.get("role")),
    }
    if data.get("capture") in (Signature.Capture.DRAWN, Signature.Capture.SCAN):
        text += " · " + _label(Signature.Capture, data.get("capture"))
    if data.get("attestation"):
        text += _(" · 律师本人确认在场")
    if data.get("recording"):
        start, end = (data.get("segment") or [None, None])[:2]
        text += _(" · 录音录像 #%(id)s %(start)s–%(end)s") % {
            "id": data["recording"],
            "start": clock(start),
            "end": clock(end),
        }
    elif data.get("no_recording_reason"):
        text += _(" · 无录音录像：%(reason)s") % {"reason": data["no_recording_reason"]}
    return text


def _superseded(data):
    return _("第%(v)s版由第%(n)s版取代，作废签名 %(k)s 个") % {
        "v": data.get("version"),
        "n": data.get("by_version"),
        "k": len(data.get("voided_signatures", [])),
    }


def _lapsed(data):
    return _("第%(v)s版") % {"v": data.get("version")}


def _review(data):
    if data.get("passed"):
        return _("全部事项符合")
    return _("不符合：%(items)s") % {
        "items": "、".join(
            str(ITEMS_BY_KEY[k].label) if k in ITEMS_BY_KEY else k for k in data.get("failed", [])
        )
    }


def _resolved(data):
    key = data.get("item", "")
    return str(ITEMS_BY_KEY[key].label) if key in ITEMS_BY_KEY else key


def _withdrawn(data):
    reasons = "、".join(_label(WithdrawalReason, r) for r in data.get("reasons", []))
    consequences = "、".join(_label(Consequence, c) for c in data.get("consequences", []))
    return f"{_label(WithdrawalStage, data.get('stage'))}：{reasons}" + (
        f" → {consequences}" if consequences else ""
    )


DESCRIBERS = {
    "plea.notice.recorded": _notice,
    "plea.agreement.generated": _generated,
    "plea.agreement.signed": _signed,
    "plea.agreement.completed": _generated,
    "plea.agreement.superseded": _superseded,
    "plea.agreement.lapsed": _lapsed,
    "plea.review.recorded": _review,
    "plea.review.item.resolved": _resolved,
    "plea.withdrawn": _withdrawn,
}
