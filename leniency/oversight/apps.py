from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from leniency.cases.panels import register_panel


class OversightConfig(AppConfig):
    name = "leniency.oversight"
    label = "oversight"
    verbose_name = gettext_lazy("监督评议")

    def ready(self):
        register_panel("oversight/_defendant_panel.html", order=60)  # each defendant on the case page
        # Imported here, not at the top: the timeline loads the audit model, which Django allows only once the
        # app registry is ready.
        from leniency.audit.timeline import register_action

        from .describe import LABELS, describe

        for action, label in LABELS.items():
            register_action(action, label, describe)
        # Prosecutor pressure warnings reach the supervisor's review queue (issue 17 item 8).
        from leniency.recommendations.safeguards import register_supervisor_warnings

        from .pressure import supervisor_warnings

        register_supervisor_warnings(supervisor_warnings)
