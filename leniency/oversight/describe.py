"""Labels and descriptions of the oversight app's audit events (registered in apps.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.choice_labels import member_label

from .models import Decision, Petition, PublicReport

LABELS = {
    "oversight.report.received": gettext_lazy("收到群众举报"),
    "oversight.report.answered": gettext_lazy("答复群众举报"),
    "oversight.report.replied": gettext_lazy("群众举报办理记录"),
    "oversight.report.escalated": gettext_lazy("群众举报移交监督评议委员会"),
    "oversight.report.decided": gettext_lazy("群众举报评议结论"),
    "oversight.report.attachment.opened": gettext_lazy("查看举报附件"),
    "oversight.petition.filed": gettext_lazy("提出监督评议申请"),
    "oversight.petition.assigned": gettext_lazy("分配评议委员"),
    "oversight.petition.closed": gettext_lazy("监督评议办结"),
    "oversight.note.added": gettext_lazy("记录评议调查情况"),
    "oversight.conflict.declared": gettext_lazy("申报利益冲突"),
    "oversight.decision.made": gettext_lazy("作出评议决定"),
    "oversight.correction.ordered": gettext_lazy("下达整改事项"),
    "oversight.correction.completed": gettext_lazy("整改事项完成"),
}


def describe(data: dict) -> str:
    if "kind" in data and data.get("kind") in Decision.Kind.values:
        return member_label(Decision.Kind, data["kind"])
    if "kind" in data and data.get("kind") in PublicReport.Kind.values:
        return member_label(PublicReport.Kind, data["kind"])
    if "source" in data:
        return member_label(Petition.Source, data["source"], default=str(data["source"] or ""))
    if "member_name" in data:
        return data["member_name"] + (_("（主办）") if data.get("lead") else "")
    if "responsible" in data:
        return _("%(org)s，期限 %(due)s") % {"org": data["responsible"], "due": data.get("due_on", "")}
    return ""
