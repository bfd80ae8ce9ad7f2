from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class PleaConfig(AppConfig):
    name = "leniency.plea"
    label = "plea"
    verbose_name = gettext_lazy("认罪认罚")

    def ready(self):
        from leniency.audit.timeline import register_action

        from .describe import DESCRIBERS, LABELS

        for action, label in LABELS.items():
            register_action(action, label, DESCRIBERS.get(action))
