from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from leniency.cases.panels import register_panel


class StudyConfig(AppConfig):
    name = "leniency.study"
    label = "study"

    def ready(self):
        # each defendant on the case page; its stylesheet once per page
        register_panel("study/_defendant_panel.html", order=50, style="study/_style.html")
        from .measures import share_with_counsel

        share_with_counsel()  # the counsel dashboard's meeting rate is the registry's (counsel sits below study)
        # Imported here, not at the top: the timeline loads the audit model, which Django allows only once the
        # app registry is ready.
        from leniency.audit.timeline import register_action

        from .models import LetterDelivery

        methods = dict(LetterDelivery.Method.choices)

        def describe(data: dict) -> str:
            return str(methods.get(data.get("method"), ""))

        register_action("study.letter.delivered", _("释法说理书已送达"), describe)

        def describe_import(data: dict) -> str:
            return _("%(file)s：新增%(created)s人，更新%(updated)s人，%(errors)s行有错误") % {
                "file": data.get("file", ""),
                "created": data.get("created", 0),
                "updated": data.get("updated", 0),
                "errors": data.get("rows_with_errors", 0),
            }

        register_action("study.import.completed", _("导入研究用历史记录"), describe_import)
