from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.cases.panels import register_panel


def _round(data: dict) -> str:
    text = _("第%(round)s轮") % {"round": data.get("round", "?")}
    if data.get("term"):
        text += f"：{data['term']}"
    return text


def _with(key: str):
    def describe(data: dict) -> str:
        text = _round(data)
        return f"{text}（{data[key]}）" if data.get(key) else text

    return describe


def _opinion(data: dict) -> str:
    position = _("同意") if data.get("position") == "agree" else _("有异议")
    text = f"{_round(data)}：{position}"
    return f"{text}（{data['reasons']}）" if data.get("reasons") else text


ACTIONS = {
    "recommendations.draft.created": (gettext_lazy("起草量刑建议"), _with("deviation_reason")),
    "recommendations.draft.updated": (gettext_lazy("修改量刑建议"), _with("deviation_reason")),
    "recommendations.recommendation.submitted": (gettext_lazy("量刑建议提交审核"), _round),
    "recommendations.review.approved": (gettext_lazy("量刑建议审核通过"), _with("comments")),
    "recommendations.review.returned": (gettext_lazy("量刑建议退回修改"), _with("comments")),
    "recommendations.opinion.given": (gettext_lazy("律师对量刑建议提出意见"), _opinion),
    "recommendations.recommendation.finalised": (gettext_lazy("确定量刑建议"), _round),
    "recommendations.court.adopted": (gettext_lazy("法院采纳量刑建议"), _round),
    "recommendations.court.adjustment_requested": (gettext_lazy("法院建议调整量刑建议"), _with("reasons")),
    "recommendations.court.decided_otherwise": (gettext_lazy("法院未采纳量刑建议"), _with("reasons")),
    "recommendations.recommendation.lapsed": (gettext_lazy("量刑建议失效"), _with("reason")),
    "recommendations.facts.changed": (gettext_lazy("审核后变更量刑事实"), _with("reason")),
}


class RecommendationsConfig(AppConfig):
    name = "leniency.recommendations"
    label = "recommendations"
    verbose_name = gettext_lazy("量刑建议")

    def ready(self):
        register_panel("recommendations/_defendant_panel.html", order=20)  # each defendant on the case page
        # Imported here, not at the top: they load models (the audit events of the timeline, the judgments of the
        # sentence proposals, the court's decisions), which Django allows only once the app registry is ready.
        from leniency.audit.timeline import register_action
        from leniency.cases.sentence_proposals import register_sentence_proposals

        from . import court

        register_sentence_proposals(court.decided_sentences)  # the judgment page's first values
        for action, (label, describe) in ACTIONS.items():
            register_action(action, label, describe)
