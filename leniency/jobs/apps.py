from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _job(data: dict) -> str:
    return _("任务 %(kind)s") % {"kind": data.get("kind", "")}


ACTIONS = {
    "jobs.started": (gettext_lazy("启动后台任务"), _job),
    "jobs.cancel_requested": (gettext_lazy("取消后台任务"), _job),
}


class JobsConfig(AppConfig):
    name = "leniency.jobs"
    label = "jobs"
    verbose_name = gettext_lazy("后台任务")

    def ready(self):
        from leniency.audit.timeline import register_action

        for action, (label, describe) in ACTIONS.items():
            register_action(action, label, describe)
