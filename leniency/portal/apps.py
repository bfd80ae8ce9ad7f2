from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _title(data: dict) -> str:
    return data.get("number") or data.get("title", "")


def _report(data: dict) -> str:
    return _("期间 %(period)s") % {"period": data.get("period", "")}


ACTIONS = {
    "portal.typical_case.proposed": (gettext_lazy("提议典型案例"), _title),
    "portal.typical_case.anonymised": (gettext_lazy("典型案例匿名化"), _title),
    "portal.typical_case.published": (gettext_lazy("发布典型案例"), _title),
    "portal.typical_case.rejected": (gettext_lazy("典型案例未通过审核"), _title),
    "portal.typical_case.withdrawn": (gettext_lazy("撤回典型案例"), _title),
    "portal.report.generated": (gettext_lazy("生成透明度报告"), _report),
}


class PortalConfig(AppConfig):
    name = "leniency.portal"
    label = "portal"
    verbose_name = gettext_lazy("公开数据")

    def ready(self):
        # Imported here, not at the top: the timeline loads the audit model, which Django allows only once the
        # app registry is ready.
        from leniency.audit.timeline import register_action

        for action, (label, describe) in ACTIONS.items():
            register_action(action, label, describe)
