from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AuditConfig(AppConfig):
    name = "leniency.audit"
    label = "audit"

    def ready(self):
        from .timeline import register_action

        # A document printed for a download (cases/downloads.py): who took which document, in which format.
        register_action(
            "documents.downloaded",
            gettext_lazy("下载文书"),
            lambda data: f"{data.get('document', '')}（{str(data.get('format', '')).upper()}）",
        )
