from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.cases.panels import PAGE_ASSIGNMENTS, register_panel
from leniency.choice_labels import member_label


def _service(data):
    # apps.py is imported before the models may be: the describer reads them when it runs.
    from .models import Service

    label = member_label(Service, data.get("service"), default=data.get("service", ""))
    return _("%(service)s，%(minutes)s 分钟") % {"service": label, "minutes": data.get("minutes", "")}


def _allocation(data):
    text = f"{data.get('reference', '')} → {data.get('lawyer_name', '')}"
    return f"{text}（{data['reason']}）" if data.get("reason") else text


def _rating(data):
    text = _("综合 %(score)s 分") % {"score": data.get("score")}
    return text + (_("，投诉") if data.get("complaint") else "")


def _claim(data):
    return _("%(amount)s 元") % {"amount": data.get("amount")}


def _conflict(data):
    from .models import ConflictOfInterest

    kind = member_label(ConflictOfInterest.Kind, data.get("kind"), default=data.get("kind", ""))
    text = f"{data.get('lawyer_name', '')}（{kind}）"
    return f"{text}：{data['note']}" if data.get("note") else text


class CounselConfig(AppConfig):
    name = "leniency.counsel"
    label = "counsel"

    def ready(self):
        from django.db.models import Prefetch

        from .models import CounselAssignment

        # Each defendant on the case page, with its assignments loaded once for the page (the lawyer checks of the
        # plea and recommendation panels read them too); unordered: the counsel panel sorts them (counsel_tags).
        assignments = CounselAssignment.objects.select_related("lawyer").order_by()
        register_panel(
            "counsel/_defendant_panel.html",
            order=10,
            prefetch=(Prefetch("counsel_assignments", queryset=assignments, to_attr=PAGE_ASSIGNMENTS),),
        )
        # Imported here, not at the top: the timeline loads the audit model, which Django allows only once the
        # app registry is ready.
        from leniency.audit.timeline import register_action

        actions = {
            "counsel.assigned": (gettext_lazy("指派律师"), lambda d: d.get("lawyer_name", "")),
            "counsel.assignment.ended": (
                gettext_lazy("律师指派结束"),
                lambda d: f"{d.get('lawyer_name', '')}（{d.get('reason', '')}）",
            ),
            "counsel.request.filed": (gettext_lazy("申请值班律师"), lambda d: d.get("reference", "")),
            "counsel.request.unfilled": (gettext_lazy("暂无可指派律师"), lambda d: d.get("reference", "")),
            "counsel.allocation.made": (gettext_lazy("轮值指派律师"), _allocation),
            "counsel.allocation.missed": (gettext_lazy("律师超时未响应"), _allocation),
            "counsel.allocation.met": (gettext_lazy("律师按时响应"), _allocation),
            "counsel.allocation.replaced": (gettext_lazy("律师已改派"), _allocation),
            "counsel.participation.logged": (gettext_lazy("律师履职"), _service),
            "counsel.rating.recorded": (gettext_lazy("律师履职评价"), _rating),
            "counsel.claim.submitted": (gettext_lazy("申请办案补贴"), _claim),
            "counsel.claim.approved": (gettext_lazy("核准办案补贴"), _claim),
            "counsel.claim.rejected": (gettext_lazy("退回补贴申请"), lambda d: d.get("note", "")),
            "counsel.conflict.registered": (gettext_lazy("登记利益冲突"), _conflict),
            "counsel.conflict.withdrawn": (
                gettext_lazy("撤销利益冲突登记"),
                lambda d: f"{d.get('lawyer_name', '')}（{d.get('reason', '')}）",
            ),
        }
        for action, (label, describe) in actions.items():
            register_action(action, label, describe)
        for action, label in {
            "counsel.station.created": gettext_lazy("设立法律援助工作站"),
            "counsel.rota.created": gettext_lazy("编制值班排班"),
            "counsel.rota.published": gettext_lazy("公示值班排班"),
            "counsel.rota.correction_requested": gettext_lazy("排班纠错申请"),
            "counsel.rota.correction_decided": gettext_lazy("排班纠错处理"),
            "counsel.warning.raised": gettext_lazy("质量预警"),
            "counsel.warning.review_opened": gettext_lazy("预警审查"),
            "counsel.warning.decided": gettext_lazy("预警处理"),
            "counsel.warning.contested": gettext_lazy("律师提出异议"),
            "counsel.warning.contest_answered": gettext_lazy("异议答复"),
            "counsel.claims.exported": gettext_lazy("导出补贴支付清单"),
            "counsel.lawyer.registered": gettext_lazy("律师登记"),
            "counsel.lawyer.availability_changed": gettext_lazy("律师可指派状态变更"),
            "counsel.lawyer.training_added": gettext_lazy("登记培训记录"),
        }.items():
            register_action(action, label)
