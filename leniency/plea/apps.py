from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from leniency.cases.panels import register_panel


class PleaConfig(AppConfig):
    name = "leniency.plea"
    label = "plea"
    verbose_name = gettext_lazy("认罪认罚")

    def ready(self):
        # each defendant on the case page; its stylesheet once per page
        register_panel("plea/_defendant_panel.html", order=30, style="plea/_style.html")
        # Imported here, not at the top: these modules load models, which Django allows only once the app
        # registry is ready.
        from leniency.audit.timeline import register_action
        from leniency.recommendations.record_facts import register_fact_source
        from leniency.recommendations.safeguards import register_adoption_blockers, register_signed_agreement

        from .describe import DESCRIBERS, LABELS
        from .record_facts import plea_facts
        from .review import adoption_blockers
        from .state import signed_agreement_rests_on

        for action, label in LABELS.items():
            register_action(action, label, DESCRIBERS.get(action))
        # The court may adopt the recommendation only when the plea's safeguards hold (CPL art. 201).
        register_adoption_blockers(adoption_blockers)
        register_signed_agreement(signed_agreement_rests_on)
        register_fact_source(plea_facts)  # the signed 具结书: the plea by the review for prosecution
