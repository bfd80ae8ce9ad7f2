from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .panels import register_panel
from .stages import Procedure, Stage

_VALUE_LABELS = {**dict(Stage.choices), **dict(Procedure.choices)}


def _change(data: dict) -> str:
    labels = _VALUE_LABELS
    text = f"{labels.get(data.get('from'), data.get('from') or '—')} → {labels.get(data.get('to'), data.get('to'))}"
    return f"{text}（{data['reason']}）" if data.get("reason") else text


def _opinion(data: dict) -> str:
    labels = {"agree": _("同意"), "object": _("有异议"), "none": _("无意见")}
    text = labels.get(data.get("position"), data.get("position", ""))
    return f"{text}（{data['text']}）" if data.get("text") else text


def _sum(data: dict) -> str:
    if not data.get("amount"):
        return str(data.get("signed_on", ""))
    return _("%(date)s，约定 %(amount)s 元，已履行 %(paid)s 元") % {
        "date": data.get("signed_on", ""),
        "amount": data["amount"],
        "paid": data.get("amount_paid") or "0",
    }


ACTIONS = {
    "case.opened": (gettext_lazy("立案受理"), lambda data: data.get("number", "")),
    "case.prosecutor.assigned": (
        gettext_lazy("分配承办检察官"),
        lambda data: data.get("name", ""),
    ),
    "case.prosecuted": (gettext_lazy("提起公诉"), lambda data: data.get("court", "")),
    "case.prosecution.added": (gettext_lazy("追加起诉"), lambda data: data.get("court", "")),
    "case.court.filed": (
        gettext_lazy("法院立案"),
        lambda data: _("承办法官：%(name)s") % {"name": data.get("name", "")},
    ),
    "case.panel.reformed": (
        gettext_lazy("变更合议庭"),
        lambda data: (
            _("审判长：%(name)s；理由：%(reason)s")
            % {"name": data.get("name", ""), "reason": data.get("reason", "")}
        ),
    ),
    "case.appealed": (
        gettext_lazy("上诉/抗诉"),
        lambda data: f"{data.get('from', '')} → {data.get('to', '')}",
    ),
    "case.intake.updated": (
        gettext_lazy("更新受理信息（批量导入）"),
        lambda data: "、".join(data.get("fields", [])),
    ),
    "case.attachment.added": (gettext_lazy("上传随案文书"), lambda data: data.get("name", "")),
    "case.attachment.accessed": (gettext_lazy("查阅随案文书"), lambda data: data.get("name", "")),
    "defendant.intake.updated": (
        gettext_lazy("更新犯罪嫌疑人信息（批量导入）"),
        lambda data: "、".join(data.get("fields", [])),
    ),
    "defendant.added": (
        gettext_lazy("增加犯罪嫌疑人"),
        lambda data: _("罪名：%(charges)s") % {"charges": "、".join(data.get("charges", []))},
    ),
    "defendant.stage.changed": (gettext_lazy("诉讼阶段变更"), _change),
    "case.victim.added": (gettext_lazy("登记被害人"), lambda data: ""),
    "case.victim.heard": (gettext_lazy("听取被害人意见"), _opinion),
    "case.victim.unreachable": (gettext_lazy("无法听取被害人意见"), lambda data: data.get("text", "")),
    "case.settlement.compensation": (gettext_lazy("记录赔偿协议"), _sum),
    "case.settlement.forgiveness": (gettext_lazy("记录谅解书"), _sum),
    "case.settlement.reconciliation": (gettext_lazy("记录刑事和解协议"), _sum),
    "defendant.procedure.set": (gettext_lazy("确定审理程序"), _change),
    "defendant.deadline.extended": (
        gettext_lazy("延长办案期限"),
        lambda data: data.get("approved_on", "") and str(data["approved_on"]),
    ),
    "defendant.non_prosecution": (gettext_lazy("不起诉决定"), lambda data: str(data.get("decided_on", ""))),
    "case.judgment.recorded": (gettext_lazy("一审宣判"), lambda data: str(data.get("judged_on", ""))),
    "case.second_instance.decided": (
        gettext_lazy("二审裁判"),
        lambda data: {"uphold": _("维持原判"), "amend": _("改判"), "remand": _("发回重审")}.get(
            data.get("decision"), data.get("decision", "")
        ),
    ),
    "case.retrial.started": (gettext_lazy("决定再审"), lambda data: data.get("court", "")),
    "case.retrial.judge_assigned": (gettext_lazy("确定再审法官"), lambda data: data.get("name", "")),
    "case.retrial.decided": (
        gettext_lazy("再审宣判"),
        lambda data: {"uphold": _("维持原判"), "amend": _("改判")}.get(data.get("outcome"), ""),
    ),
}


class CasesConfig(AppConfig):
    name = "leniency.cases"
    label = "cases"

    def ready(self):
        # Imported here, not at the top: the trail's timeline loads its model, which Django allows only once
        # the app registry is ready.
        from leniency.audit.timeline import register_action

        register_panel("cases/_victims_panel.html", order=15)  # after counsel, before the recommendation

        for action, (label, describe) in ACTIONS.items():
            register_action(action, label, describe)
